package org.kohsuke.stapler.interceptor;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/interceptor/Stage.java
public enum Stage {
    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/interceptor/Stage.java
    SELECTION,
    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/interceptor/Stage.java
    PREINVOKE
}
