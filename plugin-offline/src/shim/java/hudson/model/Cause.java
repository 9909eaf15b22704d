package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Cause.java
public abstract class Cause {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Cause.java
    public abstract String getShortDescription();
}
