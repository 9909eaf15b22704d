package hudson.model;

import hudson.search.SearchableModelObject;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.IOException;
import jenkins.util.io.OnMaster;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Item.java
public interface Item extends PersistenceRoot, SearchableModelObject, AccessControlled, OnMaster {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Item.java
    Permission READ = null;

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Item.java
    Permission CONFIGURE = null;

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Item.java
    Permission EXTENDED_READ = null;

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Item.java
    Permission BUILD = null;

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Item.java
    void delete() throws IOException, InterruptedException;
}
