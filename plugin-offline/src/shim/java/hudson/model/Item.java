package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Item.java
public interface Item extends AccessControlled {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Item.java
    Permission CONFIGURE = null;

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Item.java
    Permission EXTENDED_READ = null;
}
