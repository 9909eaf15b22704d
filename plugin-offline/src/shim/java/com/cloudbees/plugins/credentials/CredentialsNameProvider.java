package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;

// mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsNameProvider.java
public abstract class CredentialsNameProvider<C extends Credentials> {

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsNameProvider.java
    @NonNull
    public abstract String getName(@NonNull C credentials);
}
