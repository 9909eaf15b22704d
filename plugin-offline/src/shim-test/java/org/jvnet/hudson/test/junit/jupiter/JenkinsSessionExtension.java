package org.jvnet.hudson.test.junit.jupiter;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jvnet.hudson.test.fixtures.JenkinsSessionFixture;

// mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsSessionExtension.java
public class JenkinsSessionExtension implements BeforeEachCallback, AfterEachCallback {

    // mirrors
    // jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsSessionExtension.java
    // (implicit public no-argument constructor, as in the real class)

    // mirrors
    // jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsSessionExtension.java
    public File getHome() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsSessionExtension.java
    @Override
    public void beforeEach(@NonNull ExtensionContext context) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsSessionExtension.java
    @Override
    public void afterEach(@NonNull ExtensionContext context) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsSessionExtension.java
    @FunctionalInterface
    public interface Step extends JenkinsSessionFixture.Step {}

    // mirrors
    // jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsSessionExtension.java
    public void then(Step s) throws Throwable {
        throw new UnsupportedOperationException("shim");
    }
}
