package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import java.io.IOException;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/HttpResponse.java
public interface HttpResponse {
    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/HttpResponse.java
    default void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        throw new AbstractMethodError("shim");
    }
}
