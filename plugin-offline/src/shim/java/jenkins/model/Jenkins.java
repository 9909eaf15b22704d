package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ProxyConfiguration;
import hudson.model.AbstractCIBase;
import hudson.model.Descriptor;
import hudson.model.DescriptorByNameOwner;
import hudson.model.Item;
import hudson.model.ModifiableViewGroup;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import hudson.security.SecurityRealm;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import jenkins.util.io.OnMaster;
import org.jvnet.hudson.reactor.ReactorException;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.export.ExportedBean;
import org.springframework.security.access.AccessDeniedException;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
@ExportedBean
public class Jenkins extends AbstractCIBase
        implements DirectlyModifiableTopLevelItemGroup,
                StaplerProxy,
                StaplerFallback,
                ModifiableViewGroup,
                AccessControlled,
                DescriptorByNameOwner,
                ModelObjectWithContextMenu,
                ModelObjectWithChildren,
                OnMaster,
                Loadable {

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    public static final Permission ADMINISTER = null;

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    public static final Permission READ = null;

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    protected Jenkins(File root, ServletContext context) throws IOException, InterruptedException, ReactorException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    @Override
    @NonNull
    public ACL getACL() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    public Descriptor getDescriptor(String id) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    @CheckForNull
    public <T extends Item> T getItemByFullName(@NonNull String fullName, Class<T> type) throws AccessDeniedException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    @CheckForNull
    public ProxyConfiguration getProxy() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    public void setSecurityRealm(@CheckForNull SecurityRealm securityRealm) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    public void setAuthorizationStrategy(@CheckForNull AuthorizationStrategy a) {
        throw new UnsupportedOperationException("shim");
    }
}
