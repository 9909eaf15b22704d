package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java
public interface StaplerRequest2 extends HttpServletRequest {}
