package io.jenkins.plugins.awsbatch.engine.batch;

import java.util.List;
import java.util.Map;

/**
 * A job as DescribeJobs returns it. For an array parent {@code arraySize} and {@code statusSummary} are set;
 * for a child {@code arrayIndex} is set. Times are epoch milliseconds; {@code startedAt} is null until RUNNING.
 */
public record JobDetail(
        String jobId,
        String jobName,
        String jobQueue,
        String jobDefinition,
        JobStatus status,
        String statusReason,
        long createdAt,
        Long startedAt,
        Long stoppedAt,
        Integer arraySize,
        Integer arrayIndex,
        Map<JobStatus, Integer> statusSummary,
        Integer exitCode,
        String logStreamName,
        List<JobAttempt> attempts,
        List<JobDependency> dependsOn,
        boolean cancelled,
        boolean terminated,
        Map<String, String> tags) {

    public JobDetail {
        statusSummary = statusSummary == null ? Map.of() : Map.copyOf(statusSummary);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public boolean isArrayParent() {
        return arraySize != null && arrayIndex == null;
    }
}
