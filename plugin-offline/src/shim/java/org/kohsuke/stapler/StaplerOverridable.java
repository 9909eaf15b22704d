package org.kohsuke.stapler;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/StaplerOverridable.java
public interface StaplerOverridable {}
