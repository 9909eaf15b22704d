package io.jenkins.plugins.awsbatch.engine.batch.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code <dataDirectory>/local-batch-state.json} up to date: written at most every
 * {@link #WRITE_INTERVAL_MS} (longer when writes get slow) when something changed, and on close; always through a temporary file and an atomic
 * rename, so a crash leaves the previous snapshot whole. The lock is held only to copy the state, not to write it.
 */
final class SnapshotStore {
    static final String FILE_NAME = "local-batch-state.json";
    static final long WRITE_INTERVAL_MS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);

    private final Path file;
    private final JobScheduler scheduler;
    private final JobDefinitionRegistry definitions;
    private final QueueRegistry queues;
    private final AtomicBoolean changed;
    private final ScheduledExecutorService timers;
    private final ObjectMapper json = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private ScheduledFuture<?> periodic;
    private boolean stopped;

    SnapshotStore(Path dataDirectory, JobScheduler scheduler, JobDefinitionRegistry definitions,
                  QueueRegistry queues, AtomicBoolean changed, ScheduledExecutorService timers) {
        this.file = dataDirectory.resolve(FILE_NAME);
        this.scheduler = scheduler;
        this.definitions = definitions;
        this.queues = queues;
        this.changed = changed;
        this.timers = timers;
    }

    void loadIfPresent() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        StoredState state;
        try {
            state = json.readValue(file.toFile(), StoredState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local Batch state " + file + ": " + e.getMessage(), e);
        }
        definitions.restore(orEmpty(state.definitions()));
        queues.restore(orEmpty(state.computeEnvironments()), orEmpty(state.queues()));
        if (state.consumableResources() != null) {
            state.consumableResources().forEach(scheduler::createConsumableResource);
        }
        List<LocalJob> jobs = new ArrayList<>();
        for (StoredJob stored : orEmpty(state.jobs())) {
            jobs.add(stored.toTopLevelJob());
        }
        scheduler.restore(jobs);
        changed.set(true);
    }

    void startPeriodicWrites() {
        scheduleNext(WRITE_INTERVAL_MS);
    }

    void stopAndWriteFinal() {
        stopWithoutWriting();
        changed.set(false);
        write();
    }

    synchronized void stopWithoutWriting() {
        stopped = true;
        if (periodic != null) {
            periodic.cancel(false);
        }
    }

    private synchronized void scheduleNext(long delayMs) {
        if (!stopped) {
            periodic = timers.schedule(this::writeIfChanged, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Writes when something changed, then waits at least {@link #WRITE_INTERVAL_MS} and at least four times as
     * long as the write took, so snapshotting a huge table never takes more than a fifth of the engine's time.
     */
    private void writeIfChanged() {
        long tookMs = 0;
        if (changed.getAndSet(false)) {
            long begin = System.nanoTime();
            try {
                write();
            } catch (RuntimeException e) {
                changed.set(true);
                LOG.warn("Could not write the local Batch state to {}: {}", file, e.getMessage());
            }
            tookMs = (System.nanoTime() - begin) / 1_000_000;
        }
        scheduleNext(Math.max(WRITE_INTERVAL_MS, 4 * tookMs));
    }

    /**
     * Writes the state now unless {@code top} is already on disk: called before a job's id is handed out and
     * before its first attempt starts, so a job that ran or was acknowledged is never unknown after a crash.
     */
    synchronized void ensurePersisted(LocalJob top) {
        if (!top.persisted) {
            write();
        }
    }

    private synchronized void write() {
        List<LocalJob> captured = new ArrayList<>();
        StoredState state = capture(captured);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                json.writeValue(out, state);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            captured.forEach(job -> job.persisted = true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the local Batch state " + file + ": " + e.getMessage(), e);
        }
    }

    private StoredState capture(List<LocalJob> captured) {
        List<StoredJob> jobs = scheduler.withTable(table -> {
            List<StoredJob> out = new ArrayList<>(table.topLevelJobs().size());
            for (LocalJob job : table.topLevelJobs()) {
                out.add(StoredJob.of(job));
                captured.add(job);
            }
            return out;
        });
        Map<String, Long> resources = scheduler.consumableResourceTotals();
        return new StoredState(StoredState.CURRENT_VERSION, definitions.all(),
                queues.describeComputeEnvironments(), queues.describeJobQueues(), resources, jobs);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
