package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Descriptor.java
public abstract class Descriptor<T extends Describable<T>> {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Descriptor.java
    protected Descriptor() {
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Descriptor.java
    public String getDisplayName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Descriptor.java
    public synchronized void save() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Descriptor.java
    public synchronized void load() {
        throw new UnsupportedOperationException("shim");
    }
}
