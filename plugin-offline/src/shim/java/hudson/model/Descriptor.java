package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.HttpResponse;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Descriptor.java
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Descriptor.java
    protected Descriptor() {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Descriptor.java
    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Descriptor.java
    public synchronized void save() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Descriptor.java
    public synchronized void load() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Descriptor.java
    public static final class FormException extends Exception implements HttpResponse {

        // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Descriptor.java
        public FormException(String message, String formField) {
            super(message);
        }
    }
}
