package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ModifiableViewGroup.java
public interface ModifiableViewGroup extends ViewGroup {}
