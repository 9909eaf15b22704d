package io.jenkins.plugins.awsbatch.trigger;

/** Jenkins did not take the build: the message stays on the queue and comes back after its visibility timeout. */
public final class BuildNotScheduledException extends Exception {
    private static final long serialVersionUID = 1L;

    public BuildNotScheduledException(String message) {
        super(message);
    }
}
