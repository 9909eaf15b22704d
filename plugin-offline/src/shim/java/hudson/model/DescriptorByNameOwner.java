package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/DescriptorByNameOwner.java
public interface DescriptorByNameOwner extends ModelObject {}
