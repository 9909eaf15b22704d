package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

// mirrors
// jenkinsci/plain-credentials-plugin:src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java
@NameWith(StringCredentials.NameProvider.class)
public interface StringCredentials extends StandardCredentials {

    // mirrors
    // jenkinsci/plain-credentials-plugin:src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java
    @NonNull
    Secret getSecret();

    // mirrors
    // jenkinsci/plain-credentials-plugin:src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java
    class NameProvider extends CredentialsNameProvider<StringCredentials> {

        // mirrors
        // jenkinsci/plain-credentials-plugin:src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java
        @Override
        public String getName(StringCredentials c) {
            throw new UnsupportedOperationException("shim");
        }
    }
}
