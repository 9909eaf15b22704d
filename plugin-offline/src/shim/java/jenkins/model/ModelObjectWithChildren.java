package jenkins.model;

import hudson.model.ModelObject;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/ModelObjectWithChildren.java
public interface ModelObjectWithChildren extends ModelObject {}
