package org.kohsuke.stapler;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/HttpResponse.java
public interface HttpResponse {
}
