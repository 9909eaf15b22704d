package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top-level jobs (singles and array parents) by id, in submission order, and per queue. Children are reached
 * through their parent (a child's id is {@code <parent id>:<index>}), so listing a queue never walks 10,000
 * children and 100,000 children cost no map entries. Guarded by the scheduler's lock.
 */
final class JobTable {
    private final Map<String, LocalJob> topLevel = new LinkedHashMap<>();
    private final Map<String, List<LocalJob>> topLevelByQueue = new HashMap<>();
    private int children;

    /** Adds a top-level job; a child is counted only (its parent holds it). */
    void add(LocalJob job) {
        if (job.isChild()) {
            children++;
            return;
        }
        topLevel.put(job.jobId(), job);
        topLevelByQueue
                .computeIfAbsent(job.spec.jobQueue(), q -> new ArrayList<>())
                .add(job);
    }

    /** A top-level job by id, or a child by {@code <parent id>:<index>}; null when there is none. */
    LocalJob get(String jobId) {
        if (jobId == null) {
            return null;
        }
        LocalJob top = topLevel.get(jobId);
        int colon = jobId.lastIndexOf(':');
        if (top != null || colon < 0) {
            return top;
        }
        LocalJob parent = topLevel.get(jobId.substring(0, colon));
        if (parent == null || !parent.isArrayParent()) {
            return null;
        }
        String index = jobId.substring(colon + 1);
        try {
            int i = Integer.parseInt(index);
            boolean canonical =
                    i >= 0 && i < parent.children.length && Integer.toString(i).equals(index);
            return canonical ? parent.children[i] : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Collection<LocalJob> topLevelJobs() {
        return topLevel.values();
    }

    List<LocalJob> topLevelJobsOf(String queue) {
        return topLevelByQueue.getOrDefault(queue, List.of());
    }

    /** Jobs, children included. */
    int size() {
        return topLevel.size() + children;
    }
}
