package io.jenkins.plugins.awsbatch.exec;

/** How a graph run (or one step's share of it) ended, as the engine reports it. */
public enum Outcome {
    SUCCEEDED,
    FAILED,
    UNSTABLE,
    ABORTED
}
