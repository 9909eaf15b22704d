package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

// mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/common/StandardListBoxModel.java
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {

    // mirrors
    // jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/common/StandardListBoxModel.java
    @NonNull
    protected String describe(@NonNull StandardCredentials c) {
        throw new UnsupportedOperationException("shim");
    }
}
