package hudson.security;

import hudson.ExtensionPoint;
import hudson.model.Describable;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/SecurityRealm.java
public abstract class SecurityRealm implements Describable<SecurityRealm>, ExtensionPoint {}
