package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Iterator;
import org.jvnet.localizer.Localizable;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/PermissionGroup.java
public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/PermissionGroup.java
    public PermissionGroup(@NonNull Class owner, Localizable title) throws IllegalStateException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/PermissionGroup.java
    @Override
    public Iterator<Permission> iterator() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/PermissionGroup.java
    @Override
    public int compareTo(PermissionGroup that) {
        throw new UnsupportedOperationException("shim");
    }
}
