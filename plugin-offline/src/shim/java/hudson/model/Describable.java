package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Describable.java
public interface Describable<T extends Describable<T>> {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Describable.java
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("shim");
    }
}
