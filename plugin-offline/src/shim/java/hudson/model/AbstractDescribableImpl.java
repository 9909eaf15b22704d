package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractDescribableImpl.java
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
