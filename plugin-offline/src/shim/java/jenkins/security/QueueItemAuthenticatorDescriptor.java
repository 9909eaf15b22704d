package jenkins.security;

import hudson.model.Descriptor;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/security/QueueItemAuthenticatorDescriptor.java
public abstract class QueueItemAuthenticatorDescriptor extends Descriptor<QueueItemAuthenticator> {}
