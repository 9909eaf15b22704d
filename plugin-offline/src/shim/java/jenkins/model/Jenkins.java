package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
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

    // shim only, justified: the real constructors are protected Jenkins(File, jakarta.servlet.ServletContext[, PluginManager])
    // throws IOException, InterruptedException, ReactorException; their parameter types (Jakarta Servlet, task-reactor)
    // are not available offline, so no constructor is mirrored and none is made accessible
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
    @CheckForNull
    public <T extends Item> T getItemByFullName(@NonNull String fullName, Class<T> type) throws AccessDeniedException {
        throw new UnsupportedOperationException("shim");
    }
}
