package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.core.context.SecurityContext;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/ACLContext.java
public class ACLContext implements AutoCloseable {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/ACLContext.java
    ACLContext(@NonNull SecurityContext previousContext) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/security/ACLContext.java
    @Override
    public void close() {
        throw new UnsupportedOperationException("shim");
    }
}
