package jenkins.triggers;

import hudson.model.Item;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/triggers/TriggeredItem.java
public interface TriggeredItem extends Item {}
