package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/EnvironmentContributingAction.java
public interface EnvironmentContributingAction extends Action {}
