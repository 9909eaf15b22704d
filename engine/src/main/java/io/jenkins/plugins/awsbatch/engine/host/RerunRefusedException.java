package io.jenkins.plugins.awsbatch.engine.host;

/** A run that cannot be rerun (not finished, aborted, cleaned up, no failed items); nothing was submitted. */
public final class RerunRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RerunRefusedException(String why) {
        super(why);
    }
}
