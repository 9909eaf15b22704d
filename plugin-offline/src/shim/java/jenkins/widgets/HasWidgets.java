package jenkins.widgets;

import jenkins.security.stapler.StaplerAccessibleType;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/widgets/HasWidgets.java
@StaplerAccessibleType
public interface HasWidgets {}
