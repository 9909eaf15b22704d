package jenkins.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.PersistentDescriptor;
import hudson.util.DescribableList;
import jenkins.model.GlobalConfiguration;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/security/QueueItemAuthenticatorConfiguration.java
public class QueueItemAuthenticatorConfiguration extends GlobalConfiguration implements PersistentDescriptor {

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/security/QueueItemAuthenticatorConfiguration.java
    public DescribableList<QueueItemAuthenticator, QueueItemAuthenticatorDescriptor> getAuthenticators() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/security/QueueItemAuthenticatorConfiguration.java
    public static @NonNull QueueItemAuthenticatorConfiguration get() {
        throw new UnsupportedOperationException("shim");
    }
}
