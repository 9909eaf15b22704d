package org.jvnet.hudson.test;

import jenkins.security.QueueItemAuthenticator;
import org.springframework.security.core.Authentication;

// mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/MockQueueItemAuthenticator.java
public final class MockQueueItemAuthenticator extends QueueItemAuthenticator {

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/MockQueueItemAuthenticator.java
    public MockQueueItemAuthenticator() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/MockQueueItemAuthenticator.java
    public MockQueueItemAuthenticator authenticate(String jobFullName, Authentication authentication) {
        throw new UnsupportedOperationException("shim");
    }
}
