package jenkins.model;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Addressable.java
public interface Addressable {
}
