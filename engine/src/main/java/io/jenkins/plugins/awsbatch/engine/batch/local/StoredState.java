package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.util.List;
import java.util.Map;

/** Everything the local engine persists: registries, consumable resources and the job table. */
record StoredState(
        int version,
        List<JobDefinitionInfo> definitions,
        List<ComputeEnvironmentInfo> computeEnvironments,
        List<JobQueueInfo> queues,
        Map<String, Long> consumableResources,
        List<StoredJob> jobs) {
    static final int CURRENT_VERSION = 1;
}
