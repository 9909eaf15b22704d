package hudson.security;

import hudson.model.ModelObject;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/PermissionScope.java
public final class PermissionScope {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/PermissionScope.java
    public PermissionScope(Class<? extends ModelObject> modelClass, PermissionScope... containers) {
        throw new UnsupportedOperationException("shim");
    }
}
