package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/PersistenceRoot.java
public interface PersistenceRoot extends Saveable {}
