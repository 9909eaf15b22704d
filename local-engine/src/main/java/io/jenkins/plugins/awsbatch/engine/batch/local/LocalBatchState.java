package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads a local engine's data directory from another process, while that engine may still be writing it. */
public final class LocalBatchState {
    private static final int ATTEMPTS = 3;

    private LocalBatchState() {}

    /**
     * Per top-level job id, how many of its children (or, for a single job, itself) are in each status, as the
     * engine last wrote them; empty when it wrote nothing there. A compaction that replaces the files while they
     * are read makes the read start over.
     *
     * @throws IOException when the files cannot be read (unreadable, or replaced on every attempt)
     */
    public static Optional<Map<String, Map<JobStatus, Integer>>> statusCounts(Path dataDirectory) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StateReplay.Replayed state;
            try {
                state = StateReplay.read(dataDirectory);
            } catch (IOException e) {
                last = e; // most likely a journal deleted by a compaction between listing and reading it
                continue;
            }
            if (state.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Map<JobStatus, Integer>> out = new HashMap<>();
            for (LocalJob top : state.topLevelJobs()) {
                Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
                if (top.isArrayParent()) {
                    for (LocalJob child : top.children) {
                        counts.merge(child.status, 1, Integer::sum);
                    }
                } else {
                    counts.put(top.status, 1);
                }
                out.put(top.jobId(), counts);
            }
            return Optional.of(out);
        }
        throw last;
    }
}
