package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

// mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/domains/Domain.java
public class Domain implements Serializable {

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/domains/Domain.java
    @NonNull
    public static Domain global() {
        throw new UnsupportedOperationException("shim");
    }
}
