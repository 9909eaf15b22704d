package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A restarted engine taking back a snapshot's jobs with what their attempts' records ({@link AttemptRecords}) say
 * happened since: an attempt that ended while no engine watched gets its recorded exit status (and is retried or
 * ends as it would have); one still running is adopted, holds a slot outside the launcher's gate and is watched
 * for its end; one whose process is gone without an exit status ends with {@link #HOST_RESTARTED}; an attempt with
 * no start record never began and is started now. Terminal jobs stay as they were; no recorded start is ever
 * started again. Waiting jobs are wired to their dependencies again.
 *
 * <p>Locking: this holds the scheduler's state for adopted attempts and takes no lock of its own. {@link #restore},
 * {@link #ended} and {@link #stopWatching} are called only from the scheduler's synchronized methods; the watch, on
 * a timer thread, synchronizes on the scheduler it is given. So everything here runs under the scheduler's lock.
 */
final class RestartRecovery {
    static final String HOST_RESTARTED = "Host restarted: the local Batch engine stopped while the job was running";
    /** How often adopted attempts (not children of this JVM, so not waited on) are checked for their end. */
    static final long ADOPTED_POLL_MS = 200;

    private final JobScheduler scheduler;
    private final JobTable table;
    private final JobStateMachine states;
    private final DependencyWiring wiring;
    private final Consumer<LocalJob> ready;
    private final ProcessLauncher launcher;
    private final ScheduledExecutorService timers;
    private final int slots;

    private final List<LocalJob> adoptedJobs = new ArrayList<>();
    /** Attempts an earlier engine started that still run: they hold slots outside the launcher's gate. */
    private int adoptedRunning;

    private ScheduledFuture<?> adoptedWatch;
    /** While restoring: wrappers of this engine's log directory that run now, by their records' path prefix. */
    private Map<String, ProcessHandle> unrecordedWrappers = Map.of();

    /** {@code ready} queues a RUNNABLE job; {@code scheduler} is the lock, and takes adopted slots and exits. */
    RestartRecovery(
            JobScheduler scheduler,
            JobTable table,
            JobStateMachine states,
            DependencyWiring wiring,
            Consumer<LocalJob> ready,
            ProcessLauncher launcher,
            ScheduledExecutorService timers,
            int slots) {
        this.scheduler = scheduler;
        this.table = table;
        this.states = states;
        this.wiring = wiring;
        this.ready = ready;
        this.launcher = launcher;
        this.timers = timers;
        this.slots = slots;
    }

    /** Adds the jobs to the table, each brought up to date and back in the scheduling; the caller dispatches. */
    void restore(List<LocalJob> topLevelJobs) {
        assert Thread.holdsLock(scheduler);
        unrecordedWrappers = topLevelJobs.stream().allMatch(LocalJob::isTerminal)
                ? Map.of()
                : launcher.records().liveWrappers(launcher.launcherPid());
        for (LocalJob job : topLevelJobs) {
            table.add(job);
            job.persisted = true;
            if (job.isArrayParent()) {
                for (LocalJob child : job.children) {
                    table.add(child);
                    recoverFromRecords(child);
                }
                recountChildren(job);
            } else {
                recoverFromRecords(job);
            }
        }
        List<LocalJob> endedParents = new ArrayList<>();
        for (LocalJob job : topLevelJobs) {
            if (job.isArrayParent()) {
                for (LocalJob child : job.children) {
                    rewire(child);
                }
                if (job.terminalChildren == job.children.length && !job.isTerminal()) {
                    endedParents.add(job);
                }
            } else {
                rewire(job);
            }
        }
        endedParents.forEach(states::endParent);
        unrecordedWrappers = Map.of();
        launcher.gate(slots - adoptedRunning);
        if (!adoptedJobs.isEmpty()) {
            adoptedWatch = timers.scheduleWithFixedDelay(
                    this::watchAdopted, ADOPTED_POLL_MS, ADOPTED_POLL_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** The attempt's process ended (the scheduler's exit): an adopted attempt's slot is back under the gate. */
    void ended(LocalJob job) {
        assert Thread.holdsLock(scheduler);
        if (job.adopted) {
            job.adopted = false;
            adoptedRunning--;
            launcher.gate(slots - adoptedRunning);
        }
    }

    /** The engine closes or is abandoned: adopted attempts are no longer watched. */
    void stopWatching() {
        assert Thread.holdsLock(scheduler);
        if (adoptedWatch != null) {
            adoptedWatch.cancel(false);
        }
    }

    /**
     * Brings a non-terminal job up to date with its attempts' records, without cascading (the caller rewires):
     * sets its status to a terminal one, RUNNING (adopted), RUNNABLE (next attempt to start) or leaves it.
     */
    private void recoverFromRecords(LocalJob job) {
        if (job.isTerminal()) {
            return;
        }
        if (job.status == JobStatus.STARTING || job.status == JobStatus.RUNNING) {
            job.status = JobStatus.RUNNABLE; // unless a record says the attempt began
            job.startedAt = null;
        }
        AttemptRecords records = launcher.records();
        while (true) {
            String stream = ProcessLauncher.logStreamName(job.jobId(), job.currentAttemptNumber());
            AttemptRecords.Attempt attempt = records.read(stream).orElse(null);
            if (attempt == null) {
                ProcessHandle spawned =
                        unrecordedWrappers.get(records.base(stream).toString());
                if (spawned != null) {
                    // spawned, its start record not written yet: it runs, so it is adopted, never started twice
                    job.logStreamName(stream);
                    adoptRunning(
                            job,
                            spawned,
                            spawned.info()
                                    .startInstant()
                                    .map(i -> i.toEpochMilli())
                                    .orElse(states.now()));
                }
                return;
            }
            job.logStreamName(stream);
            job.startedAt = attempt.startedAt();
            ProcessHandle live = attempt.ended()
                    ? null
                    : records.liveProcess(stream, attempt).orElse(null);
            if (live != null) {
                adoptRunning(job, live, attempt.startedAt());
                return;
            }
            if (!attempt.ended()) {
                attempt = records.read(stream).orElse(attempt); // its exit status may have landed meanwhile
            }
            Integer exitCode = attempt.exitCode();
            String lost = attempt.ended() ? null : HOST_RESTARTED;
            long stoppedAt = attempt.ended() ? attempt.stoppedAt() : Math.max(states.now(), attempt.startedAt());
            job.addAttempt(new JobAttempt(attempt.startedAt(), stoppedAt, exitCode, lost, stream));
            job.exitCode = exitCode;
            String statusReason = lost != null ? lost : JobScheduler.CONTAINER_EXITED;
            if (exitCode != null && exitCode == 0) {
                endRecovered(job, JobStatus.SUCCEEDED, JobScheduler.CONTAINER_EXITED, stoppedAt);
                return;
            }
            if (!job.terminated
                    && RetryEvaluator.shouldRetry(
                            job.spec.retryStrategy(), job.attemptCount(), exitCode, statusReason, lost)) {
                job.status = JobStatus.RUNNABLE;
                job.startedAt = null;
                continue;
            }
            endRecovered(job, JobStatus.FAILED, statusReason, stoppedAt);
            return;
        }
    }

    private static void adoptRunning(LocalJob job, ProcessHandle process, long startedAt) {
        job.status = JobStatus.RUNNING;
        job.process = process;
        job.adopted = true;
        job.startedAt = startedAt;
        job.attemptStartedAt = startedAt;
    }

    private static void endRecovered(LocalJob job, JobStatus terminal, String reason, long stoppedAt) {
        job.status = terminal;
        job.statusReason = reason;
        job.stoppedAt = stoppedAt;
    }

    /** Ends adopted attempts whose process is gone: with the recorded exit status, else as lost. */
    private void watchAdopted() {
        synchronized (scheduler) {
            AttemptRecords records = launcher.records();
            records.refresh();
            for (LocalJob job : List.copyOf(adoptedJobs)) {
                if (job.process == null || !job.adopted) {
                    adoptedJobs.remove(job);
                    continue;
                }
                AttemptRecords.Attempt attempt =
                        records.read(job.logStreamName()).orElse(null);
                boolean ended = attempt != null && attempt.ended();
                if (!ended && job.process.isAlive()) {
                    continue;
                }
                if (!ended) {
                    // written just before the process ended
                    attempt = records.read(job.logStreamName()).orElse(null);
                    ended = attempt != null && attempt.ended();
                }
                adoptedJobs.remove(job);
                scheduler.onExit(job, job.process, ended ? attempt.exitCode() : null, ended ? null : HOST_RESTARTED);
            }
            if (adoptedJobs.isEmpty() && adoptedWatch != null) {
                adoptedWatch.cancel(false);
                adoptedWatch = null;
            }
        }
    }

    private static void recountChildren(LocalJob parent) {
        parent.statusSummary = new int[JobStatus.values().length];
        parent.terminalChildren = 0;
        parent.failedChildren = 0;
        for (LocalJob child : parent.children) {
            parent.statusSummary[child.status.ordinal()]++;
            if (child.isTerminal()) {
                parent.terminalChildren++;
            }
            if (child.status == JobStatus.FAILED) {
                parent.failedChildren++;
            }
        }
    }

    private void rewire(LocalJob job) {
        switch (job.status) {
            case RUNNING -> adopt(job);
            case RUNNABLE -> ready.accept(job);
            case SUBMITTED, PENDING -> wiring.rewire(job);
            default -> {}
        }
    }

    /** An attempt a previous engine started and that still runs: it holds a slot and its resources, and is timed. */
    private void adopt(LocalJob job) {
        adoptedRunning++;
        adoptedJobs.add(job);
        scheduler.holdSlotOfAdopted(job, Math.max(0, states.now() - job.attemptStartedAt));
    }
}
