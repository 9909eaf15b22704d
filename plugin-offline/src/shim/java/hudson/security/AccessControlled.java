package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.access.AccessDeniedException;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/AccessControlled.java
public interface AccessControlled {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/AccessControlled.java
    @NonNull
    ACL getACL();

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/AccessControlled.java
    default void checkPermission(@NonNull Permission permission) throws AccessDeniedException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/AccessControlled.java
    default boolean hasPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("shim");
    }
}
