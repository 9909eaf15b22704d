package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

// mirrors
// jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/impl/BaseStandardCredentials.java
public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {

    // mirrors
    // jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/impl/BaseStandardCredentials.java
    public BaseStandardCredentials(
            @CheckForNull CredentialsScope scope, @CheckForNull String id, @CheckForNull String description) {
        super(scope);
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/impl/BaseStandardCredentials.java
    @NonNull
    public String getDescription() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/impl/BaseStandardCredentials.java
    @NonNull
    public String getId() {
        throw new UnsupportedOperationException("shim");
    }
}
