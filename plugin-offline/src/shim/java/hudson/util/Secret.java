package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/Secret.java
public final class Secret implements Serializable {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/Secret.java
    Secret(String value) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/Secret.java
    @NonNull
    public String getPlainText() {
        throw new UnsupportedOperationException("shim");
    }
}
