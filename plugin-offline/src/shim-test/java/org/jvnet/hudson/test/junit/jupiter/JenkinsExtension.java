package org.jvnet.hudson.test.junit.jupiter;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

// mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsExtension.java
public class JenkinsExtension implements ParameterResolver, AfterEachCallback {

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsExtension.java
    @Override
    public void afterEach(@NonNull ExtensionContext context) throws Exception {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsExtension.java
    @Override
    public boolean supportsParameter(
            @NonNull ParameterContext parameterContext, @NonNull ExtensionContext extensionContext)
            throws ParameterResolutionException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsExtension.java
    @Override
    public Object resolveParameter(
            @NonNull ParameterContext parameterContext, @NonNull ExtensionContext extensionContext)
            throws ParameterResolutionException {
        throw new UnsupportedOperationException("shim");
    }
}
