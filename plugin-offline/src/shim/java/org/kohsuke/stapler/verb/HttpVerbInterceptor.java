package org.kohsuke.stapler.verb;

import org.kohsuke.stapler.interceptor.Interceptor;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/verb/HttpVerbInterceptor.java
public class HttpVerbInterceptor extends Interceptor {}
