package hudson.security;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/AbstractPasswordBasedSecurityRealm.java
public abstract class AbstractPasswordBasedSecurityRealm extends SecurityRealm {}
