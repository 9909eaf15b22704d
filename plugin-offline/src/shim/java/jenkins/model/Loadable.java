package jenkins.model;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Loadable.java
public interface Loadable {}
