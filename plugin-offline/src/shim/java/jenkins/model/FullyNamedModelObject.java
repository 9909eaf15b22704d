package jenkins.model;

import hudson.model.ModelObject;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/FullyNamedModelObject.java
public interface FullyNamedModelObject extends ModelObject {
}
