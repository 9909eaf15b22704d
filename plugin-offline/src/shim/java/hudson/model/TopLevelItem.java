package hudson.model;

import hudson.ExtensionPoint;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/TopLevelItem.java
public interface TopLevelItem extends Item, ExtensionPoint, Describable<TopLevelItem> {}
