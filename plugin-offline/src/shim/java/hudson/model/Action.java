package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Action.java
public interface Action extends ModelObject {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Action.java
    @CheckForNull
    String getIconFileName();

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Action.java
    @Override
    @CheckForNull
    String getDisplayName();

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Action.java
    @CheckForNull
    default String getUrlName() {
        return null;
    }
}
