package hudson.triggers;

import hudson.model.Descriptor;
import hudson.model.Item;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/triggers/TriggerDescriptor.java
public abstract class TriggerDescriptor extends Descriptor<Trigger<?>> {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/triggers/TriggerDescriptor.java
    protected TriggerDescriptor() {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/triggers/TriggerDescriptor.java
    public abstract boolean isApplicable(Item item);
}
