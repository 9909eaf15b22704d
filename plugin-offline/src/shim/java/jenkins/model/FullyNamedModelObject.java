package jenkins.model;

import hudson.model.ModelObject;
import jenkins.security.stapler.StaplerAccessibleType;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/FullyNamedModelObject.java
@StaplerAccessibleType
public interface FullyNamedModelObject extends ModelObject {}
