package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/BuildableItem.java
public interface BuildableItem extends Item, Queue.Task {}
