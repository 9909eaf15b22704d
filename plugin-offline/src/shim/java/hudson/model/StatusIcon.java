package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/StatusIcon.java (getImageOf/getDescription left out:
// supertype only)
public interface StatusIcon {}
