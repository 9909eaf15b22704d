package io.jenkins.plugins.awsbatch.engine.batch.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.awsbatch.engine.files.AppendOnlyLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rebuilds the job table from a data directory ({@link StateJournal}): the snapshot (or the whole-table JSON of
 * earlier versions), then every journal from the snapshot's generation on, line by line. A torn last line (a kill
 * in the middle of a write) is left out; any other unreadable line is an error naming the file and line.
 */
final class StateReplay {
    /**
     * What the directory holds: the registries (null: never written), the top-level jobs in submission order with
     * their children, the generation the next journal gets, the snapshot's size and whether a torn line was left
     * out.
     */
    record Replayed(
            JournalEntry.Registries registries,
            List<LocalJob> topLevelJobs,
            long nextGeneration,
            long snapshotBytes,
            boolean tornTail) {
        boolean isEmpty() {
            return registries == null && topLevelJobs.isEmpty();
        }
    }

    private JournalEntry.Registries registries;
    private final JobTable table = new JobTable();

    private StateReplay() {}

    static Replayed read(Path directory) throws IOException {
        try {
            return readLines(directory);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Replayed readLines(Path directory) throws IOException {
        StateReplay replay = new StateReplay();
        long firstJournal = 0;
        long snapshotBytes = 0;
        Path snapshot = directory.resolve(StateFiles.SNAPSHOT);
        Path legacy = directory.resolve(StateFiles.LEGACY_SNAPSHOT);
        if (Files.isRegularFile(snapshot)) {
            firstJournal = replay.readSnapshot(snapshot);
            snapshotBytes = Files.size(snapshot);
        } else if (Files.isRegularFile(legacy)) {
            LegacySnapshot state = LegacySnapshot.read(legacy);
            replay.registries = state.registries();
            state.topLevelJobs().forEach(replay.table::add);
            snapshotBytes = Files.size(legacy);
        }
        boolean torn = false;
        long next = firstJournal;
        for (long generation : StateFiles.journalGenerations(directory)) {
            if (generation < firstJournal) {
                continue; // already in the snapshot: a compaction stopped before it deleted this journal
            }
            Path journal = StateFiles.journal(directory, generation);
            if (generation != next) {
                // each journal is created before the snapshot naming it: a gap means a compaction replaced
                // the files while they were read (another process reading a live engine's folder)
                throw new IOException(StateFiles.journal(directory, next) + " is missing before " + journal);
            }
            torn |= replay.readJournal(journal);
            next = generation + 1;
        }
        return new Replayed(replay.registries, List.copyOf(replay.table.topLevelJobs()), next, snapshotBytes, torn);
    }

    /** Returns the generation of the first journal after the snapshot. */
    private long readSnapshot(Path snapshot) throws IOException {
        long[] journal = {-1};
        int[] jobs = {-1};
        int[] lineNumber = {0};
        boolean torn = AppendOnlyLines.forEach(snapshot, line -> {
            lineNumber[0]++;
            JournalEntry entry = parse(snapshot, lineNumber[0], line);
            if (lineNumber[0] == 1) {
                if (!(entry instanceof JournalEntry.SnapshotStart start)) {
                    throw lineError(snapshot, 1, "a snapshot starts with its header");
                }
                if (start.version() > JournalEntry.SnapshotStart.VERSION) {
                    throw lineError(
                            snapshot,
                            1,
                            "written by a newer version (format " + start.version()
                                    + "); use that version or remove the folder");
                }
                journal[0] = start.journal();
            } else if (entry instanceof JournalEntry.SnapshotEnd end) {
                jobs[0] = end.jobs();
            } else {
                apply(snapshot, lineNumber[0], entry);
            }
        });
        int read = table.topLevelJobs().size();
        if (torn || jobs[0] != read) {
            throw new IOException(snapshot + " is incomplete (" + read + " jobs, its last line "
                    + (jobs[0] < 0 ? "missing" : "says " + jobs[0]) + "); remove the folder to start afresh");
        }
        return journal[0];
    }

    /** Applies every complete line of {@code file}; returns whether a torn last line was left out. */
    private boolean readJournal(Path file) throws IOException {
        int[] lineNumber = {0};
        return AppendOnlyLines.forEach(file, line -> {
            lineNumber[0]++;
            apply(file, lineNumber[0], parse(file, lineNumber[0], line));
        });
    }

    private void apply(Path file, int lineNumber, JournalEntry entry) {
        if (entry instanceof JournalEntry.JobState state) {
            state.applyTo(find(file, lineNumber, state.jobId()));
        } else if (entry instanceof JournalEntry.Submitted submitted) {
            table.add(createJob(submitted));
        } else if (entry instanceof JournalEntry.Registries r) {
            registries = r;
        } else if (entry instanceof JournalEntry.Tags tags) {
            LocalJob top = find(file, lineNumber, tags.jobId());
            top.tags.clear();
            top.tags.putAll(tags.tags());
        } else {
            throw lineError(file, lineNumber, "a snapshot's first or last line in a journal");
        }
    }

    private static LocalJob createJob(JournalEntry.Submitted submitted) {
        LocalJob top = new LocalJob(submitted.jobId(), submitted.spec(), submitted.createdAt(), submitted.tags());
        Integer size = submitted.spec().arraySize();
        if (size != null) {
            top.children = new LocalJob[size];
            for (int i = 0; i < size; i++) {
                top.children[i] = LocalJob.childOf(top, i);
            }
        }
        return top;
    }

    private LocalJob find(Path file, int lineNumber, String jobId) {
        LocalJob job = table.get(jobId);
        if (job == null) {
            throw lineError(file, lineNumber, "job " + jobId + " was never submitted");
        }
        return job;
    }

    private static JournalEntry parse(Path file, int lineNumber, String line) {
        try {
            return JournalCodec.read(line);
        } catch (IOException e) {
            throw lineError(
                    file,
                    lineNumber,
                    e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage());
        }
    }

    private static UncheckedIOException lineError(Path file, int lineNumber, String problem) {
        return new UncheckedIOException(new IOException("line " + lineNumber + " of " + file + ": " + problem));
    }
}
