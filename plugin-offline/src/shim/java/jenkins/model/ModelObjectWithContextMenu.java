package jenkins.model;

import hudson.model.ModelObject;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/ModelObjectWithContextMenu.java
public interface ModelObjectWithContextMenu extends ModelObject {}
