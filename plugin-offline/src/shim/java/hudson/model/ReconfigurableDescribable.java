package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ReconfigurableDescribable.java
public interface ReconfigurableDescribable<T extends ReconfigurableDescribable<T>> extends Describable<T> {}
