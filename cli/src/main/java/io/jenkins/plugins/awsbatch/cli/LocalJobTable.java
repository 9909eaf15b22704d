package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchState;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the local engine last wrote about a run's jobs (its state in {@code <run>/local-batch/}, written every
 * fraction of a second while the run's CLI lives): per top-level job, how many of its children (or itself) are in
 * each status.
 */
final class LocalJobTable {
    private final Map<String, Map<JobStatus, Integer>> statuses;

    private LocalJobTable(Map<String, Map<JobStatus, Integer>> statuses) {
        this.statuses = statuses;
    }

    /** The table of a local-engine run in a local store, if its engine has written one. */
    static Optional<LocalJobTable> of(RunState state) {
        if (!EngineKind.LOCAL.is(state.engine) || state.runUri == null || !state.runUri.startsWith("file:")) {
            return Optional.empty();
        }
        Path folder = LocalObjectStore.toPath(state.runUri).resolve("local-batch");
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try {
            return LocalBatchState.statusCounts(folder).map(LocalJobTable::new);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a table being replaced or of another shape: the journal's counts stand
        }
    }

    /** The job's counts per status (its children's for an array), if the engine knows it. */
    Optional<Map<JobStatus, Integer>> counts(String jobId) {
        return Optional.ofNullable(statuses.get(jobId));
    }
}
