package hudson.model;

import hudson.search.SearchableModelObject;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractModelObject.java
public abstract class AbstractModelObject implements SearchableModelObject {}
