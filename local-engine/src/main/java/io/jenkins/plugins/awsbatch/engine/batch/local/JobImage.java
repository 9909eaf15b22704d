package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;

/**
 * A job's persisted state copied under the scheduler's lock for a snapshot written outside it: what a
 * {@link JournalEntry.JobState} line holds, kept as compactly as the job keeps it (the id is the job's, the
 * attempts array is shared: it is replaced, never changed in place). A snapshot of 300,000 children holds
 * these instead of their lines: about 60 bytes each rather than some 370.
 */
record JobImage(
        LocalJob job,
        JobStatus status,
        String statusReason,
        Long startedAt,
        Long stoppedAt,
        Integer exitCode,
        String logStream,
        byte logStreamAttempt,
        EndedAttempts.Ended[] attempts,
        boolean cancelled,
        boolean terminated,
        boolean dependencyFailed,
        String stopRequestReason) {

    /** True for a child that never moved: a snapshot leaves it out, its parent's line implies it. */
    boolean isInitial() {
        return status == JobStatus.SUBMITTED
                && statusReason == null
                && startedAt == null
                && stoppedAt == null
                && exitCode == null
                && logStream == null
                && logStreamAttempt == 0
                && attempts.length == 0
                && !cancelled
                && !terminated
                && !dependencyFailed
                && stopRequestReason == null;
    }

    JournalEntry.JobState toEntry() {
        String jobId = job.jobId();
        return new JournalEntry.JobState(
                jobId,
                status,
                statusReason,
                startedAt,
                stoppedAt,
                exitCode,
                logStreamAttempt == 0 ? logStream : EndedAttempts.stream(jobId, logStreamAttempt, null),
                JournalEntry.Attempt.of(EndedAttempts.views(attempts, jobId)),
                cancelled,
                terminated,
                dependencyFailed,
                stopRequestReason);
    }
}
