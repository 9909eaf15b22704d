package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.files.DurableFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local engine's state on disk, in its data directory: every change to the job table is appended as one line
 * ({@link JournalEntry}) to the current journal, and once the journal outgrows {@link #compactRatio} times the
 * last snapshot (and at least {@link #compactMinBytes}), the table is written whole as a new snapshot and the
 * journal starts over. A restart replays the snapshot, then the journals after it ({@link StateReplay}).
 * <p>
 * Lines are collected in memory under the scheduler's lock and written out (no fsync: a killed process loses
 * nothing the kernel has) every {@link #FLUSH_INTERVAL_MS}, when {@link #FLUSH_AT_BYTES} piled up, and before a
 * job's id is handed out or its first attempt starts ({@link #ensurePersisted}). A kill in the middle of a write
 * leaves a torn last line, which replay ignores; each engine start writes to a new journal, never after one.
 * <p>
 * Locks: the scheduler's, then {@code io} (the file), then this object (the buffer); never the other way.
 */
final class StateJournal implements TableChanges {
    static final long FLUSH_INTERVAL_MS = 200;
    static final int FLUSH_AT_BYTES = 256 * 1024;
    /** Defaults of the compaction rule; see docs/architecture.md for the measurements behind them. */
    static final long DEFAULT_COMPACT_MIN_BYTES = 16L * 1024 * 1024;

    static final int DEFAULT_COMPACT_RATIO = 4;
    static final long CLOSE_COMPACT_MIN_BYTES = 1024 * 1024;
    private static final long REPAIR_INTERVAL_MS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(StateJournal.class);

    private final Path directory;
    private final JobScheduler scheduler;
    private final JobDefinitionRegistry definitions;
    private final QueueRegistry queues;
    private final AtomicBoolean registriesChanged;
    private volatile long compactMinBytes = DEFAULT_COMPACT_MIN_BYTES;
    private volatile int compactRatio = DEFAULT_COMPACT_RATIO;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-batch-journal");
        thread.setDaemon(true);
        return thread;
    });
    private final Object io = new Object();
    private final Object compacting = new Object();

    // guarded by this: lines not written yet, and the buffer being written
    private Buffer filling = new Buffer();
    private Buffer draining = new Buffer();
    private boolean closed;

    // guarded by io
    private FileChannel channel;
    private long generation;
    private long journalBytes;
    private long snapshotBytes;
    private long writtenBytes;
    private int compactions;
    /** A write failed: the journal has a gap until a snapshot is written whole again. */
    private volatile IOException broken;

    private long lastRepairAttempt;

    StateJournal(
            Path directory,
            JobScheduler scheduler,
            JobDefinitionRegistry definitions,
            QueueRegistry queues,
            AtomicBoolean registriesChanged) {
        this.directory = directory;
        this.scheduler = scheduler;
        this.definitions = definitions;
        this.queues = queues;
        this.registriesChanged = registriesChanged;
    }

    /** Compacts once the journal is over {@code ratio} times the snapshot and over {@code minBytes}. */
    void compactWhenOver(long minBytes, int ratio) {
        this.compactMinBytes = minBytes;
        this.compactRatio = ratio;
    }

    /**
     * Loads what the directory holds into the registries and the scheduler, opens the next journal, and (when
     * something was loaded) writes a snapshot at once: restoring changes jobs directly (from their attempts'
     * records), so the table that runs on is saved whole before any new line refers to it.
     */
    void load() {
        StateReplay.Replayed state;
        try {
            state = StateReplay.read(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the local Batch state in " + directory + ": " + e.getMessage(), e);
        }
        if (state.tornTail()) {
            LOG.info("The local Batch state in {} ended with a line cut off by a crash; it was left out", directory);
        }
        synchronized (io) {
            generation = state.nextGeneration();
            snapshotBytes = state.snapshotBytes();
            try {
                openJournal();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot write the local Batch state in " + directory + ": " + e.getMessage(), e);
            }
        }
        scheduler.recordChanges(this);
        if (state.isEmpty()) {
            return;
        }
        JournalEntry.Registries registries = state.registries();
        if (registries != null) {
            definitions.restore(orEmpty(registries.definitions()));
            queues.restore(orEmpty(registries.computeEnvironments()), orEmpty(registries.queues()));
            if (registries.consumableResources() != null) {
                registries.consumableResources().forEach(scheduler::createConsumableResource);
            }
        }
        scheduler.restore(state.topLevelJobs());
        compact();
    }

    void startPeriodicFlush() {
        flusher.scheduleWithFixedDelay(
                this::flushOrCompact, FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    // ---- TableChanges: called under the scheduler's lock ------------------------------------------------

    @Override
    public void submitted(LocalJob top) {
        append(JournalEntry.Submitted.of(top));
    }

    @Override
    public void changed(LocalJob job) {
        append(JournalEntry.JobState.of(job));
    }

    /** A top-level job's tags were edited (under the scheduler's lock). */
    void tagsChanged(LocalJob top) {
        append(new JournalEntry.Tags(top.jobId(), Map.copyOf(top.tags)));
    }

    private void append(JournalEntry entry) {
        boolean full;
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                JournalCodec.write(filling, entry);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot encode a local Batch state line: " + e.getMessage(), e);
            }
            full = filling.size() >= FLUSH_AT_BYTES;
        }
        if (full) {
            try {
                writePending();
            } catch (IOException e) {
                LOG.warn("Could not write the local Batch state to {}: {}", directory, e.getMessage());
            }
        }
    }

    // ---- writing -------------------------------------------------------------------------------------------

    /**
     * Writes what is pending unless {@code top} is already written: called before a job's id is handed out and
     * before its first attempt starts, so a job that ran or was acknowledged is never unknown after a crash.
     */
    void ensurePersisted(LocalJob top) {
        if (!top.persisted) {
            flush();
            top.persisted = true;
        }
    }

    /** Writes the registries when they changed and every pending line. Not under the scheduler's lock. */
    void flush() {
        if (broken != null) {
            repair();
            return;
        }
        if (registriesChanged.getAndSet(false)) {
            append(captureRegistries());
        }
        try {
            writePending();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write the local Batch state in " + directory + ": " + e.getMessage(), e);
        }
    }

    private void flushOrCompact() {
        try {
            flush();
            boolean due;
            synchronized (io) {
                due = channel != null && journalBytes > Math.max(compactMinBytes, compactRatio * snapshotBytes);
            }
            if (due) {
                compact();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not write the local Batch state to {}: {}", directory, e.getMessage());
        }
    }

    private void writePending() throws IOException {
        synchronized (io) {
            Buffer out;
            synchronized (this) {
                out = filling;
                filling = draining;
                draining = out;
            }
            try {
                if (out.size() == 0 || channel == null) {
                    return;
                }
                if (broken != null) {
                    return; // superseded by the snapshot that repairs the journal
                }
                ByteBuffer bytes = out.contents();
                try {
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                } catch (IOException e) {
                    broken = e;
                    throw e;
                }
                journalBytes += out.size();
                writtenBytes += out.size();
            } finally {
                out.reset();
            }
        }
    }

    /** After a failed write, a snapshot (at most every {@link #REPAIR_INTERVAL_MS}) closes the gap. */
    private void repair() {
        IOException cause = broken;
        synchronized (io) {
            long now = System.currentTimeMillis();
            if (now - lastRepairAttempt < REPAIR_INTERVAL_MS) {
                throw new UncheckedIOException(
                        "Cannot write the local Batch state in " + directory + ": " + cause.getMessage(), cause);
            }
            lastRepairAttempt = now;
        }
        compact();
    }

    /**
     * Writes the table whole as a new snapshot and starts the next journal. The table is copied under the
     * scheduler's lock at the same moment the journal switches, so the new journal holds exactly the changes
     * after the copy; the copy is written outside the lock. Until the snapshot is renamed into place, the old
     * snapshot and both journals still tell the whole story.
     */
    void compact() {
        synchronized (compacting) {
            long snapshotGeneration;
            Capture capture;
            try {
                capture = scheduler.withTable(this::switchJournalAndCapture);
                snapshotGeneration = capture.generation();
            } catch (UncheckedIOException e) {
                markBroken(e.getCause());
                throw e;
            }
            long size;
            try {
                size = DurableFiles.write(
                        directory.resolve(StateFiles.SNAPSHOT), out -> writeSnapshot(out, snapshotGeneration, capture));
                for (long old : StateFiles.journalGenerations(directory)) {
                    if (old < snapshotGeneration) {
                        Files.deleteIfExists(StateFiles.journal(directory, old));
                    }
                }
                Files.deleteIfExists(directory.resolve(StateFiles.LEGACY_SNAPSHOT));
            } catch (IOException e) {
                markBroken(e);
                throw new UncheckedIOException(
                        "Cannot write the local Batch state in " + directory + ": " + e.getMessage(), e);
            }
            synchronized (io) {
                snapshotBytes = size;
                writtenBytes += size;
                compactions++;
                if (broken != null && channel != null) {
                    broken = null;
                }
            }
        }
    }

    private record Capture(long generation, JournalEntry.Registries registries, List<JournalEntry> table) {}

    /** Under the scheduler's lock: the pending lines go to the old journal, the table is copied. */
    private Capture switchJournalAndCapture(JobTable table) {
        synchronized (io) {
            try {
                if (broken == null) {
                    writePending();
                } else {
                    discardPending();
                }
                generation++;
                openJournal();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot write the local Batch state in " + directory + ": " + e.getMessage(), e);
            }
        }
        registriesChanged.set(false);
        return new Capture(generation, captureRegistries(), image(table.topLevelJobs(), table.size()));
    }

    /**
     * The lines that rebuild {@code topLevelJobs}: per job, what it was submitted with, its state, and the state
     * of each child that moved. Under the scheduler's lock.
     */
    static List<JournalEntry> image(Collection<LocalJob> topLevelJobs, int expectedSize) {
        return TableImage.of(topLevelJobs, expectedSize);
    }

    private static void writeSnapshot(OutputStream out, long generation, Capture capture) throws IOException {
        JournalCodec.write(out, new JournalEntry.SnapshotStart(JournalEntry.SnapshotStart.VERSION, generation));
        JournalCodec.write(out, capture.registries());
        int jobs = 0;
        for (JournalEntry entry : capture.table()) {
            JournalCodec.write(out, entry);
            if (entry instanceof JournalEntry.Submitted) {
                jobs++;
            }
        }
        JournalCodec.write(out, new JournalEntry.SnapshotEnd(jobs));
    }

    private JournalEntry.Registries captureRegistries() {
        return new JournalEntry.Registries(
                definitions.all(),
                queues.describeComputeEnvironments(),
                queues.describeJobQueues(),
                scheduler.consumableResourceTotals());
    }

    /** Guarded by io. A new, empty journal file for {@link #generation}. */
    private void openJournal() throws IOException {
        closeChannel();
        Files.createDirectories(directory);
        channel = FileChannel.open(
                StateFiles.journal(directory, generation),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        journalBytes = 0;
    }

    private void markBroken(Throwable cause) {
        if (broken == null) {
            broken = cause instanceof IOException io ? io : new IOException(cause);
        }
    }

    private void discardPending() {
        synchronized (this) {
            filling.reset();
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", directory, e.getMessage());
            }
            channel = null;
        }
    }

    // ---- stopping --------------------------------------------------------------------------------------

    /**
     * Stops the periodic writes, writes what is pending and closes the journal; compacts first when the journal
     * outgrew the snapshot (and {@link #CLOSE_COMPACT_MIN_BYTES}), so a folder at rest holds little more than
     * the table.
     */
    void close() {
        stopFlusher(false);
        try {
            flush();
            boolean compact;
            synchronized (io) {
                compact = channel != null && journalBytes > Math.max(CLOSE_COMPACT_MIN_BYTES, snapshotBytes);
            }
            if (compact) {
                compact();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not write the local Batch state to {}: {}", directory, e.getMessage());
        }
        stop();
    }

    /** Stops as a crash would: what is pending is lost, what was written stays. */
    void abandon() {
        stopFlusher(true);
        discardPending();
        stop();
    }

    /**
     * Stops the periodic task and waits for one under way, so no write of this engine lands after it stopped
     * (another engine may open the folder next). {@code interrupt}: a write under way may be cut short.
     */
    private void stopFlusher(boolean interrupt) {
        if (interrupt) {
            flusher.shutdownNow();
        } else {
            flusher.shutdown();
        }
        try {
            if (!flusher.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.warn("The local Batch state writer in {} did not stop within a minute", directory);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        synchronized (this) {
            closed = true;
            filling.reset();
        }
        synchronized (io) {
            closeChannel();
        }
    }

    /** What was written so far: journal lines and snapshots, and how many snapshots. */
    Stats stats() {
        synchronized (io) {
            return new Stats(writtenBytes, compactions, generation, journalBytes, snapshotBytes);
        }
    }

    record Stats(long writtenBytes, int compactions, long generation, long journalBytes, long snapshotBytes) {}

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A byte buffer written out without copying. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(64 * 1024);
        }

        ByteBuffer contents() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }
}
