package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The names of the local engine's state files in its data directory: one snapshot, and the journals numbered by
 * generation; the snapshot names the first generation whose lines come after it.
 */
final class StateFiles {
    static final String SNAPSHOT = "local-batch-snapshot.jsonl";
    /** The whole-table JSON written before the journal: read once, replaced by the first snapshot. */
    static final String LEGACY_SNAPSHOT = "local-batch-state.json";

    private static final String JOURNAL_PREFIX = "local-batch-journal-";
    private static final String JOURNAL_SUFFIX = ".jsonl";

    private StateFiles() {}

    static Path journal(Path directory, long generation) {
        return directory.resolve(JOURNAL_PREFIX + generation + JOURNAL_SUFFIX);
    }

    /** The generations of the journals in {@code directory}, in order (none when it does not exist). */
    static List<Long> journalGenerations(Path directory) throws IOException {
        List<Long> generations = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> {
                String name = file.getFileName().toString();
                if (name.startsWith(JOURNAL_PREFIX) && name.endsWith(JOURNAL_SUFFIX)) {
                    try {
                        generations.add(Long.parseLong(
                                name.substring(JOURNAL_PREFIX.length(), name.length() - JOURNAL_SUFFIX.length())));
                    } catch (NumberFormatException notOurs) {
                        // a file of another shape: not a journal
                    }
                }
            });
        } catch (NoSuchFileException e) {
            return List.of();
        }
        generations.sort(null);
        return generations;
    }
}
