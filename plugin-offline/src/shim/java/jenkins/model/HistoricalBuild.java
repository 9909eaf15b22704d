package jenkins.model;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/HistoricalBuild.java
public interface HistoricalBuild extends AddressableModelObject {
}
