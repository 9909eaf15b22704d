package jenkins.security;

import hudson.ExtensionPoint;
import hudson.model.Describable;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/security/QueueItemAuthenticator.java
public abstract class QueueItemAuthenticator implements Describable<QueueItemAuthenticator>, ExtensionPoint {}
