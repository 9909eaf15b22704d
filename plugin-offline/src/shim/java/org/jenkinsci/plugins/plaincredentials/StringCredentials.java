package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

// mirrors jenkinsci/plain-credentials-plugin:src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java
public interface StringCredentials extends StandardCredentials {

    // mirrors jenkinsci/plain-credentials-plugin:src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java
    @NonNull Secret getSecret();
}
