package hudson.security;

import org.springframework.security.core.Authentication;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/ACL.java
public abstract class ACL {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/ACL.java
    public static final Authentication SYSTEM2 = null;
}
