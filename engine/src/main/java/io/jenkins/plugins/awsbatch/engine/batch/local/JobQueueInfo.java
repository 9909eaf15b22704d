package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.util.List;

/** A job queue as DescribeJobQueues reports it; {@code computeEnvironments} in order of preference. */
public record JobQueueInfo(String name, String arn, int priority, String state, List<String> computeEnvironments) {
    public JobQueueInfo {
        computeEnvironments = List.copyOf(computeEnvironments);
    }
}
