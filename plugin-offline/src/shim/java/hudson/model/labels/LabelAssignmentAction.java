package hudson.model.labels;

import hudson.model.Action;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/labels/LabelAssignmentAction.java
public interface LabelAssignmentAction extends Action {}
