package hudson.model;

import org.kohsuke.stapler.export.ExportedBean;
import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import jenkins.util.io.OnMaster;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Node.java
@ExportedBean
public abstract class Node extends AbstractModelObject
        implements ReconfigurableDescribable<Node>, ExtensionPoint, AccessControlled, OnMaster, PersistenceRoot {
}
