package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/StaplerResponse2.java
public interface StaplerResponse2 extends HttpServletResponse {}
