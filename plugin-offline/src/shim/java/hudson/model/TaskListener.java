package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.io.PrintStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/TaskListener.java
public interface TaskListener extends SerializableOnlyOverRemoting {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/TaskListener.java
    @NonNull
    PrintStream getLogger();

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/TaskListener.java
    default void hyperlink(String url, String text) throws IOException {
        throw new UnsupportedOperationException("shim");
    }
}
