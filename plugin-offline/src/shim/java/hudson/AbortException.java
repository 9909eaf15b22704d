package hudson;

import java.io.IOException;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/AbortException.java
public final class AbortException extends IOException {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/AbortException.java
    public AbortException() {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/AbortException.java
    public AbortException(String message) {
        super(message);
    }
}
