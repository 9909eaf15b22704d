package org.kohsuke.stapler;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/StaplerFallback.java
public interface StaplerFallback {}
