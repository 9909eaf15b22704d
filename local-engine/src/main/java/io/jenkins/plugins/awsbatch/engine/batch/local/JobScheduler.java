package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The engine's core: admits jobs, keeps the ready queue, starts attempts when a slot (and any consumable
 * resource) is free, and turns process exits, cancels, terminations and timeouts into status changes.
 * Event-driven: nothing polls; a slot freed by an exit starts the next job. One lock (this object) guards all
 * job state. Attempts are started outside the lock on the launch pool's threads: through the launcher a thread
 * only sends the request, and the launcher's reader thread reports the start and the exit; spawned directly, the
 * slot's thread waits for its process to exit. Dependencies are resolved and wired by {@link DependencyWiring};
 * a restarted engine's jobs are taken back by {@link RestartRecovery}; both run under this lock.
 *
 * <p>Through the launcher, up to {@link #LOOKAHEAD_PROPERTY lookahead} attempts more than the slots are sent: they
 * wait STARTING (holding their consumable resources) in the launcher's queue, whose gate lets only the slots not
 * held by adopted attempts run at once, so the next child starts as soon as one ends, not a round trip later.
 * Their timeouts start when they do; a terminated one is withdrawn from the queue and never runs.
 */
final class JobScheduler {
    static final String CONTAINER_EXITED = "Essential container in task exited";
    static final String TIMED_OUT = "Job attempt duration exceeded timeout";
    static final String FAILED_TO_START = "Task failed to start";
    static final String LAUNCHER_LOST = "Host lost: the local Batch engine's launcher ended while the job was running";
    /** How many attempts beyond the slots may wait in the launcher's queue (default {@value #DEFAULT_LOOKAHEAD}). */
    static final String LOOKAHEAD_PROPERTY = "batchgraph.local.lookahead";

    /**
     * Enough to cover the JVM's reply latency on a busy machine; a much deeper queue grows the launcher's memory
     * and with it the cost of each of its forks (256 measured slower than 8 at 10,000 children).
     */
    static final int DEFAULT_LOOKAHEAD = 8;

    private final LocalBatchConfig config;
    private final JobTable table = new JobTable();
    private final ArrayDeque<LocalJob> ready = new ArrayDeque<>();
    private final ConsumableResources resources;
    private final JobStateMachine states;
    private final ProcessLauncher launcher;
    private final ExecutorService launchPool;
    /** Launches bound for the launcher's queue, in dispatch order. */
    private final OrderedLaunches orderedLaunches;

    private final ScheduledExecutorService timers;
    private final Duration timeoutSecond;
    /** Set when a consumable resource is created: the registries' part of the state changed. */
    private final AtomicBoolean registriesChanged;

    private final String jobArnPrefix;
    private final DependencyWiring wiring;
    private final RestartRecovery recovery;

    private Consumer<LocalJob> persistBeforeStart = job -> job.persisted = true;
    private TableChanges changes = TableChanges.NONE;
    /** Slots not held by an attempt; below zero by the attempts waiting in the launcher's queue. */
    private int freeSlots;

    private final int lookahead;

    /** Written under the lock; read without it only to skip work once closed. */
    private volatile boolean closed;

    private boolean abandoned;

    JobScheduler(
            LocalBatchConfig config,
            ExecutorService launchPool,
            ScheduledExecutorService timers,
            Duration timeoutSecond,
            AtomicBoolean registriesChanged) {
        this.config = config;
        this.launchPool = launchPool;
        this.orderedLaunches = new OrderedLaunches(launchPool);
        this.timers = timers;
        this.timeoutSecond = timeoutSecond;
        this.registriesChanged = registriesChanged;
        this.freeSlots = config.slots();
        this.lookahead = Math.max(0, Integer.getInteger(LOOKAHEAD_PROPERTY, DEFAULT_LOOKAHEAD));
        String arnBase = "arn:aws:batch:" + config.region() + ":000000000000:";
        this.jobArnPrefix = arnBase + "job/";
        this.resources = new ConsumableResources(arnBase + "consumable-resource/");
        this.states = new JobStateMachine(config.clock(), ready::add, job -> changes.changed(job));
        this.launcher = new ProcessLauncher(
                config.logDirectory(), config.workingDirectory(), config.terminationGrace(), timers);
        launcher.gate(config.slots());
        this.wiring = new DependencyWiring(table, states);
        this.recovery = new RestartRecovery(this, table, states, wiring, ready::add, launcher, timers, config.slots());
    }

    String jobArn(String jobId) {
        return jobArnPrefix + jobId;
    }

    void listener(JobEventListener listener) {
        states.listener(listener);
    }

    ProcessLauncher launcher() {
        return launcher;
    }

    /**
     * Called with a top-level job not yet {@link LocalJob#persisted} before its first attempt starts, so no
     * attempt ever runs of a job a restarted engine would not know. Default: memory only, nothing to wait for.
     */
    void persistBeforeStart(Consumer<LocalJob> persist) {
        this.persistBeforeStart = persist;
    }

    /** Tells {@code changes} of every change to the table from now on (under this lock, in order). */
    synchronized void recordChanges(TableChanges changes) {
        this.changes = changes;
    }

    /** Runs a read or a small edit (describe, list, tags, snapshot) under the lock. */
    synchronized <T> T withTable(Function<JobTable, T> reader) {
        return reader.apply(table);
    }

    // ---- admission ---------------------------------------------------------------------------------------

    /** Creates the job (and its children), wires its dependencies and starts what can start. */
    synchronized LocalJob submit(JobSpec spec, Map<String, String> tags) {
        resources.validate(spec.consumableResources());
        DependencyWiring.Resolved dependencies = wiring.resolve(spec);
        long now = states.now();
        LocalJob job = new LocalJob(UUID.randomUUID().toString(), spec, now, tags);
        table.add(job);
        changes.submitted(job);
        wiring.wireNew(job, dependencies);
        dispatch();
        return job;
    }

    // ---- running -----------------------------------------------------------------------------------------

    private void dispatch() {
        int ahead = launcher.queues() ? lookahead : 0;
        while (freeSlots + ahead > 0 && !closed) {
            LocalJob job = resources.nextLaunchable(ready);
            if (job == null) {
                return;
            }
            freeSlots--;
            resources.acquire(job);
            states.moveTo(job, JobStatus.STARTING);
            ProcessLauncher.LaunchPlan plan = planFor(job);
            LocalJob top = job.isChild() ? job.parent : job;
            // from here when nothing is to be waited for: one thread hop less between an exit and the next start
            if (top.persisted && orderedLaunches.isIdle() && launcher.trySend(plan, eventsOf(job, plan))) {
                continue;
            }
            if (launcher.spawnsDirectly()) {
                launchPool.execute(() -> launch(job, plan)); // spawned here: one per slot in parallel
            } else {
                // to the launcher (started by the first of them), which starts what it queued first first
                orderedLaunches.execute(() -> launch(job, plan));
            }
        }
    }

    private ProcessLauncher.LaunchPlan planFor(LocalJob job) {
        int attempt = job.currentAttemptNumber();
        JobSpec spec = job.spec;
        Map<String, String> env = new HashMap<>(config.baseEnvironment());
        env.putAll(spec.environment());
        env.put("AWS_BATCH_JOB_ID", job.jobId());
        if (job.isChild()) {
            env.put("AWS_BATCH_JOB_ARRAY_INDEX", Integer.toString(job.index));
            env.put("AWS_BATCH_JOB_ARRAY_SIZE", Integer.toString(spec.arraySize()));
        }
        env.put("AWS_BATCH_JOB_ATTEMPT", Integer.toString(attempt));
        env.put("AWS_BATCH_JQ_NAME", spec.jobQueue());
        env.put("AWS_BATCH_CE_NAME", spec.computeEnvironment());
        return new ProcessLauncher.LaunchPlan(spec.command(), env, ProcessLauncher.logStreamName(job.jobId(), attempt));
    }

    /** On the slot's thread, outside the lock: spawning is the slow part and runs one per slot in parallel. */
    private void launch(LocalJob job, ProcessLauncher.LaunchPlan plan) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (job.killReason != null) {
                // terminated while STARTING: the attempt never begins
                endUnstartedAttempt(job, plan.logStreamName(), null, job.killReason);
                return;
            }
        }
        LocalJob top = job.isChild() ? job.parent : job;
        if (!top.persisted) {
            persistBeforeStart.accept(top);
        }
        launcher.start(plan, eventsOf(job, plan));
        synchronized (this) {
            if (job.killReason != null && job.process == null && job.status == JobStatus.STARTING) {
                // terminated while this thread sent it: its withdrawal may have reached the launcher first
                launcher.withdraw(plan.logStreamName());
            }
        }
    }

    /** What the attempt's start, start failure and exit do to {@code job}. */
    private ProcessLauncher.AttemptEvents eventsOf(LocalJob job, ProcessLauncher.LaunchPlan plan) {
        return new ProcessLauncher.AttemptEvents() {
            private ProcessHandle process;

            @Override
            public void started(ProcessHandle started) {
                process = started;
                onStart(job, plan, started);
            }

            @Override
            public void notStarted(IOException reason) {
                if (closed) {
                    return; // a launcher ending after this engine (its queue dropped) writes no log a later one uses
                }
                String message = "CannotStartContainerError: " + reason.getMessage();
                launcher.logStartFailure(plan.logStreamName(), message);
                synchronized (JobScheduler.this) {
                    if (!closed) {
                        endUnstartedAttempt(job, plan.logStreamName(), message, FAILED_TO_START);
                    }
                }
            }

            @Override
            public void withdrawn() {
                synchronized (JobScheduler.this) {
                    if (!closed) {
                        // terminated while it waited in the launcher's queue, as if while STARTING
                        endUnstartedAttempt(
                                job,
                                plan.logStreamName(),
                                null,
                                job.killReason != null ? job.killReason : FAILED_TO_START);
                    }
                }
            }

            @Override
            public void ended(Integer exitCode) {
                onExit(job, process, exitCode, exitCode == null ? LAUNCHER_LOST : null);
            }
        };
    }

    private synchronized void onStart(LocalJob job, ProcessLauncher.LaunchPlan plan, ProcessHandle process) {
        if (closed) {
            if (!abandoned) {
                launcher.killUnrecorded(process);
            }
            return;
        }
        long now = JobStateMachine.notBefore(states.now(), job.createdAt);
        job.process = process;
        job.attemptStartedAt = now;
        job.startedAt = now;
        job.logStreamName(plan.logStreamName());
        states.moveTo(job, JobStatus.RUNNING);
        if (job.killReason != null) {
            launcher.stopTree(job.process);
        } else {
            scheduleTimeout(job, 0);
        }
    }

    /** The attempt's timeout, less what of it already passed ({@code elapsedMs}, for an adopted attempt). */
    private void scheduleTimeout(LocalJob job, long elapsedMs) {
        if (job.spec.timeoutSeconds() == null) {
            return;
        }
        int attempt = job.currentAttemptNumber();
        long delayMs = Math.max(0, job.spec.timeoutSeconds() * timeoutSecond.toMillis() - elapsedMs);
        job.timeoutTask = timers.schedule(() -> onTimeout(job, attempt), delayMs, TimeUnit.MILLISECONDS);
    }

    /**
     * The attempt's process ended: with {@code exitCode}, or (null) without one recorded, for {@code lostReason}.
     */
    synchronized void onExit(LocalJob job, ProcessHandle process, Integer exitCode, String lostReason) {
        if (closed || job.process != process) {
            return;
        }
        job.process = null;
        recovery.ended(job);
        if (job.timeoutTask != null) {
            job.timeoutTask.cancel(false);
            job.timeoutTask = null;
        }
        long now = JobStateMachine.notBefore(states.now(), job.attemptStartedAt);
        String statusReason = job.timedOut
                ? TIMED_OUT
                : job.killReason != null ? job.killReason : lostReason != null ? lostReason : CONTAINER_EXITED;
        job.addAttempt(new JobAttempt(job.attemptStartedAt, now, exitCode, lostReason, job.logStreamName()));
        job.exitCode = exitCode;
        freeSlot(job);
        boolean stopped = job.timedOut || job.killReason != null;
        if (exitCode != null && exitCode == 0 && !stopped) {
            states.finish(job, JobStatus.SUCCEEDED, CONTAINER_EXITED);
        } else if (!stopped
                && RetryEvaluator.shouldRetry(
                        job.spec.retryStrategy(), job.attemptCount(), exitCode, statusReason, null)) {
            retryLater(job);
        } else {
            states.finish(job, JobStatus.FAILED, statusReason);
        }
        dispatch();
    }

    /** An attempt that never got a process: start failure, or terminated while STARTING. */
    private void endUnstartedAttempt(LocalJob job, String logStreamName, String containerReason, String statusReason) {
        long now = JobStateMachine.notBefore(states.now(), job.createdAt);
        job.addAttempt(new JobAttempt(null, now, null, containerReason, logStreamName));
        job.logStreamName(logStreamName);
        freeSlot(job);
        boolean terminated = job.killReason != null;
        if (!terminated
                && RetryEvaluator.shouldRetry(
                        job.spec.retryStrategy(), job.attemptCount(), null, statusReason, containerReason)) {
            retryLater(job);
        } else {
            states.finish(job, JobStatus.FAILED, statusReason);
        }
        dispatch();
    }

    private void retryLater(LocalJob job) {
        job.startedAt = null;
        job.statusReason = null;
        states.release(job);
    }

    private void freeSlot(LocalJob job) {
        freeSlots++;
        resources.release(job);
    }

    private synchronized void onTimeout(LocalJob job, int attempt) {
        if (job.process == null || job.currentAttemptNumber() != attempt || job.killReason != null) {
            return;
        }
        job.timedOut = true;
        job.killReason = TIMED_OUT;
        launcher.stopTree(job.process);
    }

    // ---- cancel and terminate ----------------------------------------------------------------------------

    synchronized void cancel(String jobId, String reason) {
        LocalJob job = require(jobId);
        if (job.isArrayParent()) {
            if (!job.isTerminal()) {
                job.cancelled = true;
                job.stopRequestReason = reason;
                changes.changed(job);
                for (LocalJob child : job.children) {
                    if (isUnstarted(child)) {
                        child.cancelled = true;
                        states.finish(child, JobStatus.FAILED, reason);
                    } else if (!child.isTerminal()) {
                        child.cancelled = true;
                        stopRunning(child, reason);
                    }
                }
            }
        } else if (isUnstarted(job)) {
            job.cancelled = true;
            states.finish(job, JobStatus.FAILED, reason);
        } else if (job.status == JobStatus.STARTING && job.process == null) {
            // sent ahead, waiting for a slot in the launcher's queue: still cancellable, as it was when RUNNABLE
            job.cancelled = true;
            stopRunning(job, reason);
        }
        dispatch();
    }

    synchronized void terminate(String jobId, String reason) {
        LocalJob job = require(jobId);
        if (job.isArrayParent()) {
            if (!job.isTerminal()) {
                job.terminated = true;
                job.stopRequestReason = reason;
                changes.changed(job);
                for (LocalJob child : job.children) {
                    terminateOne(child, reason);
                }
            }
        } else {
            terminateOne(job, reason);
        }
        dispatch();
    }

    private void terminateOne(LocalJob job, String reason) {
        if (isUnstarted(job)) {
            job.terminated = true;
            states.finish(job, JobStatus.FAILED, reason);
        } else if (!job.isTerminal()) {
            stopRunning(job, reason);
        }
    }

    /** STARTING or RUNNING: the attempt ends FAILED with {@code reason} and is never retried. */
    private void stopRunning(LocalJob job, String reason) {
        job.terminated = true;
        if (job.killReason != null) {
            return;
        }
        job.killReason = reason;
        changes.changed(job);
        if (job.process != null) {
            launcher.stopTree(job.process);
        } else if (job.status == JobStatus.STARTING) {
            launcher.withdraw(ProcessLauncher.logStreamName(job.jobId(), job.currentAttemptNumber()));
        }
    }

    private static boolean isUnstarted(LocalJob job) {
        return job.status == JobStatus.SUBMITTED || job.status == JobStatus.PENDING || job.status == JobStatus.RUNNABLE;
    }

    private LocalJob require(String jobId) {
        LocalJob job = jobId == null ? null : table.get(jobId);
        if (job == null) {
            throw ClientErrors.unknownJob(jobId);
        }
        return job;
    }

    // ---- resources, restore, shutdown --------------------------------------------------------------------

    synchronized void createConsumableResource(String name, long totalQuantity) {
        resources.create(name, totalQuantity);
        registriesChanged.set(true);
    }

    synchronized List<ConsumableResourceInfo> describeConsumableResources() {
        return resources.describe();
    }

    synchronized Map<String, Long> consumableResourceTotals() {
        return resources.totals();
    }

    /**
     * Takes back a snapshot's jobs, brought up to date with what their attempts' records say happened since (see
     * {@link RestartRecovery}: it runs here, under this lock), and starts what can start.
     */
    synchronized void restore(List<LocalJob> topLevelJobs) {
        recovery.restore(topLevelJobs);
        dispatch();
    }

    /**
     * An attempt a previous engine started and that still runs holds a slot and its resources, and its timeout
     * runs on from {@code elapsedMs}. Called by {@link RestartRecovery#restore} under this lock.
     */
    void holdSlotOfAdopted(LocalJob job, long elapsedMs) {
        assert Thread.holdsLock(this);
        freeSlots--;
        resources.acquire(job);
        scheduleTimeout(job, elapsedMs);
    }

    /** Stops scheduling and watching; what runs keeps running (a crash, as a later engine sees it). */
    synchronized void abandon() {
        closed = true;
        abandoned = true;
        recovery.stopWatching();
        launcher.abandon();
    }

    /** Stops scheduling; kills what still runs. The snapshot written before this shows those jobs RUNNING. */
    void close() {
        List<ProcessHandle> running = new ArrayList<>();
        synchronized (this) {
            closed = true;
            recovery.stopWatching();
            for (LocalJob top : table.topLevelJobs()) {
                if (top.isArrayParent()) {
                    for (LocalJob child : top.children) {
                        if (child.process != null) {
                            running.add(child.process);
                        }
                    }
                } else if (top.process != null) {
                    running.add(top.process);
                }
            }
        }
        launcher.shutdown(running);
    }
}
