package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Queue.Task;
import org.springframework.security.core.Authentication;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/queue/Tasks.java
public class Tasks {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/queue/Tasks.java
    public static @NonNull Authentication getAuthenticationOf2(@NonNull Task t) {
        throw new UnsupportedOperationException("shim");
    }
}
