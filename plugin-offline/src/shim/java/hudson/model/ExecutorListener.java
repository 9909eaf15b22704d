package hudson.model;

import hudson.ExtensionPoint;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ExecutorListener.java
public interface ExecutorListener extends ExtensionPoint {}
