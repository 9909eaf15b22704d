package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Saveable.java
public interface Saveable {}
