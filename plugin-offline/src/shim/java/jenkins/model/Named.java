package jenkins.model;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Named.java
public interface Named {}
