package jenkins.model;

import hudson.model.ModifiableItemGroup;
import hudson.model.TopLevelItem;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/ModifiableTopLevelItemGroup.java
public interface ModifiableTopLevelItemGroup extends ModifiableItemGroup<TopLevelItem> {}
