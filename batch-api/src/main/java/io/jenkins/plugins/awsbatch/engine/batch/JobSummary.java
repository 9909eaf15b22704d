package io.jenkins.plugins.awsbatch.engine.batch;

/**
 * One row of ListJobs. {@code arraySize} is set on array parents only (AWS's {@code arrayProperties.size});
 * {@code jobDefinition} is the definition's ARN where the service reports it (null when it does not).
 */
public record JobSummary(
        String jobId,
        String jobName,
        JobStatus status,
        String statusReason,
        long createdAt,
        Long startedAt,
        Long stoppedAt,
        Integer arrayIndex,
        Integer exitCode,
        Integer arraySize,
        String jobDefinition) {}
