package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ResourceController.java
public class ResourceController {}
