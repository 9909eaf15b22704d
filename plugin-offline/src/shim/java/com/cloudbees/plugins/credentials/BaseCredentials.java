package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;

// mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/BaseCredentials.java
public class BaseCredentials implements Credentials {

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/BaseCredentials.java
    public BaseCredentials(@CheckForNull CredentialsScope scope) {
        throw new UnsupportedOperationException("shim");
    }
}
