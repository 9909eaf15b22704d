package hudson.model;

import hudson.ExtensionPoint;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/JobProperty.java
public abstract class JobProperty<J extends Job<?, ?>> implements ExtensionPoint {}
