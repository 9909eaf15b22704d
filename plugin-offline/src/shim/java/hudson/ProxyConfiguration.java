package hudson;

import hudson.model.Describable;
import hudson.model.Saveable;
import hudson.util.Secret;
import java.io.Serializable;
import org.kohsuke.stapler.DataBoundConstructor;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/ProxyConfiguration.java
public final class ProxyConfiguration implements Describable<ProxyConfiguration>, Saveable, Serializable {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/ProxyConfiguration.java
    @DataBoundConstructor
    public ProxyConfiguration(String name, int port) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/ProxyConfiguration.java
    public String getUserName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/ProxyConfiguration.java
    public Secret getSecretPassword() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/ProxyConfiguration.java
    public int getPort() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/ProxyConfiguration.java
    public String getName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/ProxyConfiguration.java
    public String getNoProxyHost() {
        throw new UnsupportedOperationException("shim");
    }
}
