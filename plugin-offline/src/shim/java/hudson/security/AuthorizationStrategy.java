package hudson.security;

import hudson.ExtensionPoint;
import hudson.model.Describable;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/AuthorizationStrategy.java
public abstract class AuthorizationStrategy implements Describable<AuthorizationStrategy>, ExtensionPoint {}
