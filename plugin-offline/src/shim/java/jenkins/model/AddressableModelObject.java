package jenkins.model;

import hudson.model.ModelObject;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/AddressableModelObject.java
public interface AddressableModelObject extends Addressable, ModelObject {
}
