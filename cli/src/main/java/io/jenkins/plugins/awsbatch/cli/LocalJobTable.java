package io.jenkins.plugins.awsbatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.run.RunState;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the local engine last wrote about a run's jobs ({@code <run>/local-batch/local-batch-state.json},
 * refreshed every half second while the run's CLI lives): per top-level job, how many of its children (or
 * itself) are in each status. Only job ids and statuses are read, so it stays readable as the table grows.
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
        Path file = LocalObjectStore.toPath(state.runUri).resolve("local-batch").resolve("local-batch-state.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LocalJobTable(read(new ObjectMapper().readTree(file.toFile()))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a table being replaced or of another shape: the journal's counts stand
        }
    }

    private static Map<String, Map<JobStatus, Integer>> read(JsonNode root) {
        Map<String, Map<JobStatus, Integer>> out = new HashMap<>();
        for (JsonNode job : root.path("jobs")) {
            Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
            JsonNode children = job.path("children");
            if (children.isArray() && !children.isEmpty()) {
                children.forEach(child -> counts.merge(JobStatus.valueOf(child.path("status").asText()), 1, Integer::sum));
            } else {
                counts.put(JobStatus.valueOf(job.path("status").asText()), 1);
            }
            out.put(job.path("jobId").asText(), counts);
        }
        return out;
    }

    /** The job's counts per status (its children's for an array), if the engine knows it. */
    Optional<Map<JobStatus, Integer>> counts(String jobId) {
        return Optional.ofNullable(statuses.get(jobId));
    }
}
