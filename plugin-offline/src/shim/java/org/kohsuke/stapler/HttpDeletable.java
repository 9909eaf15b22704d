package org.kohsuke.stapler;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/HttpDeletable.java
public interface HttpDeletable {}
