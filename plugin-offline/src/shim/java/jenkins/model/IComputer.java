package jenkins.model;

import hudson.model.ModelObject;
import hudson.security.AccessControlled;
import org.jenkins.ui.icon.IconSpec;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/IComputer.java
public interface IComputer extends AccessControlled, IconSpec, ModelObject, Named {}
