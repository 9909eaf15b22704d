package io.jenkins.plugins.casc.misc.junit.jupiter;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

// mirrors
// jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/junit/jupiter/JenkinsConfiguredWithCodeExtension.java
class JenkinsConfiguredWithCodeExtension
        implements BeforeAllCallback, AfterAllCallback, ParameterResolver, AfterEachCallback {

    // mirrors
    // jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/junit/jupiter/JenkinsConfiguredWithCodeExtension.java
    @Override
    public void beforeAll(ExtensionContext extensionContext) throws Exception {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/junit/jupiter/JenkinsConfiguredWithCodeExtension.java
    @Override
    public void afterAll(ExtensionContext extensionContext) throws Exception {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/junit/jupiter/JenkinsConfiguredWithCodeExtension.java
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/junit/jupiter/JenkinsConfiguredWithCodeExtension.java
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/junit/jupiter/JenkinsConfiguredWithCodeExtension.java
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        throw new UnsupportedOperationException("shim");
    }
}
