package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import org.springframework.security.access.AccessDeniedException;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
public class Jenkins implements AccessControlled {

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    public static final Permission ADMINISTER = null;

    // shim only: no public constructor (the real one is protected and boots Jenkins)
    private Jenkins() {
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    @Override
    @NonNull
    public ACL getACL() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/Jenkins.java
    public <T extends Item> T getItemByFullName(@NonNull String fullName, Class<T> type) throws AccessDeniedException {
        throw new UnsupportedOperationException("shim");
    }
}
