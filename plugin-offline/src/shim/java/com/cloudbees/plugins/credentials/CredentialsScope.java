package com.cloudbees.plugins.credentials;

import java.io.Serializable;

// mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsScope.java
public enum CredentialsScope implements Serializable {
    SYSTEM,
    GLOBAL,
    USER
}
