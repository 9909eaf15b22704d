package jenkins.model;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/DirectlyModifiableTopLevelItemGroup.java
public interface DirectlyModifiableTopLevelItemGroup extends ModifiableTopLevelItemGroup {}
