package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import org.jvnet.localizer.Localizable;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/Permission.java
public final class Permission {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/Permission.java
    public Permission(
            @NonNull PermissionGroup group,
            @NonNull String name,
            @CheckForNull Localizable description,
            @CheckForNull Permission impliedBy,
            boolean enable,
            @NonNull PermissionScope[] scopes)
            throws IllegalStateException {
        throw new UnsupportedOperationException("shim");
    }
}
