package io.jenkins.plugins.awsbatch.engine.trigger;

/**
 * Starts the work for one new object (schedules a Jenkins build, runs the graph). Returning normally means it
 * accepted the object: only then is it remembered and its message deleted. Throwing leaves the message on the
 * queue, to come back after the visibility timeout.
 */
@FunctionalInterface
public interface ObjectHandler {
    void accept(S3ObjectEvent event) throws Exception;
}
