package io.jenkins.plugins.awsbatch.engine.run.state;

/** Where a stage is in a run. */
public enum StageStatus {
    /** Not submitted yet (its release condition does not hold). */
    WAITING,
    /** Jobs are submitted and being tracked (possibly a retry round). */
    SUBMITTED,
    SUCCEEDED,
    /** Some items failed, within the tolerance. */
    UNSTABLE,
    FAILED,
    /** Not run: zero items, or an upstream stage failed in gated mode. */
    SKIPPED,
    ABORTED;

    public boolean isFinished() {
        return this != WAITING && this != SUBMITTED;
    }

    /** Downstream stages may use this stage's output. */
    public boolean isUsable() {
        return this == SUCCEEDED || this == UNSTABLE;
    }
}
