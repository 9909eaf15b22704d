package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import edu.umd.cs.findbugs.annotations.NonNull;

// mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/common/StandardCredentials.java
@Recommended(since = "1.6")
@NameWith(value = StandardCredentials.NameProvider.class, priority = -16)
public interface StandardCredentials extends IdCredentials {

    // mirrors
    // jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/common/StandardCredentials.java
    @NonNull
    String getDescription();

    // mirrors
    // jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/common/StandardCredentials.java
    class NameProvider extends CredentialsNameProvider<StandardCredentials> {

        // mirrors
        // jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/common/StandardCredentials.java
        @NonNull
        @Override
        public String getName(@NonNull StandardCredentials c) {
            throw new UnsupportedOperationException("shim");
        }
    }
}
