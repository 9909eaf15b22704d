package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import jenkins.model.Loadable;
import org.kohsuke.stapler.HttpDeletable;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractItem.java
@ExportedBean
public abstract class AbstractItem extends Actionable
        implements Loadable, Item, HttpDeletable, AccessControlled, DescriptorByNameOwner, StaplerProxy {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractItem.java
    @Override
    @Exported
    public String getDisplayName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractItem.java
    protected AbstractItem(ItemGroup parent, String name) {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractItem.java
    public File getRootDir() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractItem.java
    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractItem.java
    @Override
    public void delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("shim");
    }
}
