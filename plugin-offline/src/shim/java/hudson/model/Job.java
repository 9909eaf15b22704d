package hudson.model;

import hudson.ExtensionPoint;
import jenkins.model.ModelObjectWithChildren;
import jenkins.widgets.HasWidgets;
import org.kohsuke.stapler.StaplerOverridable;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Job.java
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, HasWidgets {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Job.java
    protected Job(ItemGroup parent, String name) {
        super(parent, name);
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Job.java
    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Job.java
    public <T extends JobProperty> T getProperty(Class<T> clazz) {
        throw new UnsupportedOperationException("shim");
    }
}
