package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

// mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/common/IdCredentials.java
@LegacyMixIn(preferred = StandardCredentials.class)
public interface IdCredentials extends Credentials {

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/common/IdCredentials.java
    @NonNull
    String getId();
}
