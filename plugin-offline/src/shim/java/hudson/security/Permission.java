package hudson.security;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/Permission.java
public final class Permission {

    // shim only: no public constructor (the real constructors take a PermissionGroup)
    private Permission() {
    }
}
