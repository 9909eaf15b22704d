package io.jenkins.plugins.awsbatch.engine.batch;

/** One row of ListJobs. */
public record JobSummary(
        String jobId,
        String jobName,
        JobStatus status,
        String statusReason,
        long createdAt,
        Long startedAt,
        Long stoppedAt,
        Integer arrayIndex,
        Integer exitCode) {
}
