package hudson.triggers;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Item;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/triggers/Trigger.java
public abstract class Trigger<J extends Item> implements Describable<Trigger<?>>, ExtensionPoint {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/triggers/Trigger.java
    @CheckForNull
    protected transient J job;

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/triggers/Trigger.java
    protected Trigger() {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/triggers/Trigger.java
    public void start(J project, boolean newInstance) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/triggers/Trigger.java
    public void run() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/triggers/Trigger.java
    public void stop() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/triggers/Trigger.java
    @Override
    public TriggerDescriptor getDescriptor() {
        throw new UnsupportedOperationException("shim");
    }
}
