package jenkins.model;

import hudson.model.ModelObject;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/HistoricalBuild.java
public interface HistoricalBuild extends ModelObject {
}
