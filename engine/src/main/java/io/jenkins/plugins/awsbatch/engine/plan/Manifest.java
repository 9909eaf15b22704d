package io.jenkins.plugins.awsbatch.engine.plan;

import java.util.List;

/**
 * {@code manifest.json}: how many items the plan holds, where and in which {@link ItemLayout} ({@code itemLayout},
 * absent in runs planned before layouts existed: per-item), and each item's key (for reports), in index order.
 * Written once by the planner; jobs and tools may read it.
 */
public record Manifest(
        String runId,
        String name,
        long itemCount,
        String keyField,
        String itemsUri,
        List<String> keys,
        long createdAt,
        String itemLayout) {
    public Manifest {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    public String keyOf(long index) {
        return index >= 0 && index < keys.size() ? keys.get((int) index) : String.valueOf(index);
    }
}
