package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/BallColor.java
public enum BallColor implements StatusIcon {
    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/BallColor.java
    RED,
    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/BallColor.java
    YELLOW,
    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/BallColor.java
    BLUE,
    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/BallColor.java
    ABORTED,
    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/BallColor.java
    NOTBUILT
}
