package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.model.IComputer;
import jenkins.widgets.HasWidgets;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.export.ExportedBean;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Computer.java
@ExportedBean
public abstract class Computer extends Actionable
        implements AccessControlled, IComputer, ExecutorListener, DescriptorByNameOwner, StaplerProxy, HasWidgets {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Computer.java
    public static final Permission BUILD = null;
}
