package org.kohsuke.stapler;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/StaplerProxy.java
public interface StaplerProxy {}
