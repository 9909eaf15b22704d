package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ScheduledExecutorService;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/util/Timer.java
public class Timer {

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/util/Timer.java
    @NonNull
    public static synchronized ScheduledExecutorService get() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/util/Timer.java
    private Timer() {}
}
