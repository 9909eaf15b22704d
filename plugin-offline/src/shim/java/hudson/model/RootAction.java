package hudson.model;

import hudson.ExtensionPoint;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/RootAction.java
public interface RootAction extends Action, ExtensionPoint {}
