package hudson.model;

import hudson.ExtensionPoint;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/LoadBalancer.java
public abstract class LoadBalancer implements ExtensionPoint {}
