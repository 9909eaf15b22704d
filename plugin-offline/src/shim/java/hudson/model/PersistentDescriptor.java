package hudson.model;

import jenkins.model.Loadable;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/PersistentDescriptor.java
public interface PersistentDescriptor extends Loadable, Saveable {}
