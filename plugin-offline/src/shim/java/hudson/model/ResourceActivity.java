package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ResourceActivity.java
public interface ResourceActivity extends ModelObject {}
