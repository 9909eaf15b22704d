package hudson.model;

import hudson.security.AccessControlled;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ViewGroup.java
public interface ViewGroup extends Saveable, ModelObject, AccessControlled {}
