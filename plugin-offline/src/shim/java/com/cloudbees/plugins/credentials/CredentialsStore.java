package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ModelObject;
import hudson.model.Saveable;
import hudson.security.AccessControlled;
import java.io.IOException;

// mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsStore.java
public abstract class CredentialsStore implements AccessControlled, Saveable {

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsStore.java
    public final CredentialsProvider getProvider() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsStore.java
    @NonNull
    public abstract ModelObject getContext();

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsStore.java
    public abstract boolean addCredentials(@NonNull Domain domain, @NonNull Credentials credentials) throws IOException;
}
