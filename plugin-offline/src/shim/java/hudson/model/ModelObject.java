package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ModelObject.java
public interface ModelObject {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ModelObject.java
    String getDisplayName();
}
