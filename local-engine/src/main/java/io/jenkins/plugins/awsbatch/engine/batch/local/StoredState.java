package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.util.List;
import java.util.Map;

/** The whole-table snapshot of versions before the journal ({@link LegacySnapshot}): registries, resources, jobs. */
record StoredState(
        int version,
        List<JobDefinitionInfo> definitions,
        List<ComputeEnvironmentInfo> computeEnvironments,
        List<JobQueueInfo> queues,
        Map<String, Long> consumableResources,
        List<StoredJob> jobs) {}
