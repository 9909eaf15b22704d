package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/FormValidation.java
public abstract class FormValidation extends IOException implements HttpResponse {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/FormValidation.java
    public enum Kind {
        // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/FormValidation.java
        OK,
        // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/FormValidation.java
        WARNING,
        // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/FormValidation.java
        ERROR
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/FormValidation.java
    private FormValidation(Kind kind) {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/FormValidation.java
    public static FormValidation ok() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/FormValidation.java
    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/FormValidation.java
    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("shim");
    }
}
