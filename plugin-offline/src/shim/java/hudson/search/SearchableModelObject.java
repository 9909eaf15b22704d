package hudson.search;

import hudson.model.ModelObject;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/search/SearchableModelObject.java
public interface SearchableModelObject extends ModelObject, SearchItem {}
