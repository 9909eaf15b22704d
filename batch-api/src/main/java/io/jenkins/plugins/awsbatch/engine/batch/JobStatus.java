package io.jenkins.plugins.awsbatch.engine.batch;

/** AWS Batch job statuses, in lifecycle order. */
public enum JobStatus {
    SUBMITTED,
    PENDING,
    RUNNABLE,
    STARTING,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
