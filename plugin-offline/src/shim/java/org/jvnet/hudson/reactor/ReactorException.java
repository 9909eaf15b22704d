package org.jvnet.hudson.reactor;

// mirrors jenkinsci/lib-task-reactor:src/main/java/org/jvnet/hudson/reactor/ReactorException.java
public class ReactorException extends Exception {

    // mirrors jenkinsci/lib-task-reactor:src/main/java/org/jvnet/hudson/reactor/ReactorException.java
    ReactorException(Throwable cause) {
        super(cause);
    }
}
