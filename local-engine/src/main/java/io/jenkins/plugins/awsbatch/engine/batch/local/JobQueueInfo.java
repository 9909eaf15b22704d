package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.util.List;
import java.util.Map;

/**
 * A job queue as DescribeJobQueues reports it; {@code computeEnvironments} in order of preference; {@code tags}
 * those given at creation and by TagResource.
 */
public record JobQueueInfo(
        String name,
        String arn,
        int priority,
        String state,
        List<String> computeEnvironments,
        Map<String, String> tags) {
    public JobQueueInfo {
        computeEnvironments = List.copyOf(computeEnvironments);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A queue without tags. */
    public JobQueueInfo(String name, String arn, int priority, String state, List<String> computeEnvironments) {
        this(name, arn, priority, state, computeEnvironments, null);
    }

    JobQueueInfo withTags(Map<String, String> newTags) {
        return new JobQueueInfo(name, arn, priority, state, computeEnvironments, newTags);
    }
}
