package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every job by id, and the top-level jobs (singles and array parents) in submission order, per queue. Children
 * are reached through their parent, so listing a queue never walks 10,000 children. Guarded by the scheduler's
 * lock.
 */
final class JobTable {
    private final Map<String, LocalJob> byId = new HashMap<>();
    private final Map<String, LocalJob> topLevel = new LinkedHashMap<>();
    private final Map<String, List<LocalJob>> topLevelByQueue = new HashMap<>();

    void add(LocalJob job) {
        byId.put(job.jobId, job);
        if (!job.isChild()) {
            topLevel.put(job.jobId, job);
            topLevelByQueue.computeIfAbsent(job.spec.jobQueue(), q -> new ArrayList<>()).add(job);
        }
    }

    LocalJob get(String jobId) {
        return byId.get(jobId);
    }

    Collection<LocalJob> topLevelJobs() {
        return topLevel.values();
    }

    List<LocalJob> topLevelJobsOf(String queue) {
        return topLevelByQueue.getOrDefault(queue, List.of());
    }

    int size() {
        return byId.size();
    }
}
