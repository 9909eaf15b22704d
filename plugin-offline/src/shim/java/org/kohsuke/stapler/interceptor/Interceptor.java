package org.kohsuke.stapler.interceptor;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/interceptor/Interceptor.java
public abstract class Interceptor {}
