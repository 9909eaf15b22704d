package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole-table JSON ({@link StoredState}) that versions before the journal rewrote about once a second: read
 * once when an engine opens a folder written by them, and replaced by its first snapshot.
 */
record LegacySnapshot(JournalEntry.Registries registries, List<LocalJob> topLevelJobs) {

    static LegacySnapshot read(Path file) throws IOException {
        StoredState state = JournalCodec.mapper().readValue(file.toFile(), StoredState.class);
        List<LocalJob> jobs = new ArrayList<>();
        for (StoredJob stored : orEmpty(state.jobs())) {
            jobs.add(stored.toTopLevelJob());
        }
        return new LegacySnapshot(
                new JournalEntry.Registries(
                        orEmpty(state.definitions()),
                        orEmpty(state.computeEnvironments()),
                        orEmpty(state.queues()),
                        state.consumableResources()),
                jobs);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
