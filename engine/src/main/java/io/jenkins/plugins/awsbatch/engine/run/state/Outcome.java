package io.jenkins.plugins.awsbatch.engine.run.state;

/** How a run ended; the CLI's exit code and the Jenkins build result follow from it. */
public enum Outcome {
    SUCCEEDED(0),
    FAILED(1),
    UNSTABLE(3),
    ABORTED(130);

    private final int exitCode;

    Outcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
