package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import jenkins.model.Loadable;
import jenkins.model.ModelObjectWithContextMenu;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.export.ExportedBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/User.java
@ExportedBean
public class User extends AbstractModelObject
        implements AccessControlled,
                DescriptorByNameOwner,
                Loadable,
                Saveable,
                Comparable<User>,
                ModelObjectWithContextMenu,
                StaplerProxy {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/User.java
    public int compareTo(@NonNull User that) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/User.java
    public @NonNull Authentication impersonate2() throws UsernameNotFoundException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/User.java
    public static @Nullable User getById(String id, boolean create) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/User.java
    @Override
    public @NonNull String getDisplayName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/User.java
    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("shim");
    }
}
