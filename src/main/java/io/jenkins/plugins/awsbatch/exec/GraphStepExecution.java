package io.jenkins.plugins.awsbatch.exec;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The durable, asynchronous execution behind every aws-batch-graph step (the pattern of {@code SleepStep}
 * and {@code DurableTaskStep.Execution}).
 *
 * <ul>
 * <li>{@link #start()} returns at once; validation and submission run on a background thread, never the CPS
 * VM thread, and no executor is held while waiting.</li>
 * <li>Only serialisable, secret-free state is kept: the {@link GraphRequest}, the {@link Journal} (run id, job
 * ids, engine state), the phase and the poll delay. After each submission the journal is saved with
 * {@link StepContext#saveState()} before the next AWS call.</li>
 * <li>Tracking is one poll at a time, scheduled on the Jenkins timer with backoff and jitter.</li>
 * <li>{@link #onResume()} re-arms tracking (or continues a submission from the journal) and never submits
 * a journaled job again.</li>
 * <li>{@link #stop(Throwable)} terminates every non-terminal job of the run, bounded in time, then fails the
 * step with the given cause.</li>
 * </ul>
 */
public class GraphStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(GraphStepExecution.class.getName());
    /** Consecutive failed polls (network, credentials expiring...) tolerated before the step fails. */
    static final int MAX_POLL_ERRORS = 5;

    private static final long SAVE_TIMEOUT_SECONDS = 60;

    /** Phase changes race with {@link #stop}: they are compare-and-set, so a stop is never overwritten. */
    private static final AtomicReferenceFieldUpdater<GraphStepExecution, Phase> PHASE =
            AtomicReferenceFieldUpdater.newUpdater(GraphStepExecution.class, Phase.class, "phase");

    /** Where the execution is in its life. */
    public enum Phase {
        NEW,
        SUBMITTING,
        TRACKING,
        STOPPING,
        DONE
    }

    private final GraphRequest request;
    private final DriverFactory factory;
    private final Journal journal = new Journal();
    private volatile Phase phase = Phase.NEW;
    private volatile long delayMillis;
    private volatile long nextPollAtMillis;
    private volatile String lastStatus;
    private int announced;
    private int pollErrors;
    /** The outcome, saved with the execution before the step completes, so a restart in between delivers it. */
    private Object savedValue;

    private Throwable savedFailure;
    private boolean outcomeSaved;

    private transient volatile DriverHandle driverHandle;
    private transient volatile Future<?> pending;
    private transient volatile AtomicBoolean completed;

    public GraphStepExecution(
            @NonNull StepContext context, @NonNull GraphRequest request, @NonNull DriverFactory factory) {
        super(context);
        this.request = Objects.requireNonNull(request, "request");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    // ---- lifecycle -------------------------------------------------------------------------------------

    @Override
    public boolean start() throws Exception {
        phase = Phase.SUBMITTING;
        pending = runtime().execute(this::submitPhase);
        return false;
    }

    @Override
    public void onResume() {
        if (outcomeSaved) {
            // finished before the restart: the saved outcome was not delivered yet
            pending = runtime().execute(this::deliver);
            return;
        }
        Phase now = phase;
        switch (now) {
            case NEW:
            case SUBMITTING:
                pending = runtime().execute(() -> {
                    log("Resuming submission of " + describeRun() + ": "
                            + journal.getEntries().size() + " job(s) already journaled, none will be submitted again.");
                    submitPhase();
                });
                break;
            case TRACKING:
                pending = runtime().execute(() -> {
                    log("Resuming tracking of " + describeRun() + " ("
                            + journal.getEntries().size() + " job(s)); nothing is resubmitted.");
                    pollPhase();
                });
                break;
            case STOPPING:
                terminateThenFail(
                        "Jenkins restarted while the run was being stopped",
                        new AbortException(request.getKind().functionName() + ": aborted"),
                        true);
                break;
            case DONE:
            default:
                pending = runtime().execute(this::resumeDone);
                break;
        }
    }

    /**
     * Jenkins restarted after the step marked itself done but before its outcome was saved: poll the run again,
     * which finds the same end.
     */
    private void resumeDone() {
        if (PHASE.compareAndSet(this, Phase.DONE, Phase.TRACKING)) {
            log("Resuming " + describeRun() + ": its outcome was not saved before the restart; polling it again.");
            pollPhase();
        }
    }

    /** True while jobs are being submitted or terminated: a restart then would interrupt AWS calls in flight. */
    @Override
    public boolean blocksRestart() {
        Phase now = phase;
        return now == Phase.SUBMITTING || now == Phase.STOPPING;
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        Phase before = PHASE.getAndSet(this, Phase.STOPPING);
        Future<?> p = pending;
        if (p != null) {
            p.cancel(false);
        }
        if (before == Phase.DONE) {
            // on the pool: completing saves the execution and waits for it, never on the caller's (CPS) thread
            pending = runtime().execute(() -> completeFailure(cause));
            return;
        }
        terminateThenFail("Aborted by Jenkins (" + cause.getClass().getSimpleName() + ")", cause, false);
    }

    /**
     * Terminates the run's jobs on the background pool, then fails the step with {@code cause}; bounded: after
     * the poll policy's stop timeout the step fails all the same (the termination may still finish later).
     */
    private void terminateThenFail(String reason, Throwable cause, boolean markAborted) {
        ExecutionRuntime rt = runtime();
        long bound = request.getPollPolicy().getStopTimeoutMillis();
        Future<?> fallback = rt.schedule(
                () -> {
                    if (!isCompleted()) {
                        log("Gave up waiting for termination after " + TimeUnit.MILLISECONDS.toSeconds(bound)
                                + "s; these jobs may still be running: " + journal.getJobIds());
                        failStopped(cause, markAborted);
                    }
                },
                bound);
        pending = rt.execute(() -> {
            try {
                terminateNow(reason);
            } finally {
                fallback.cancel(false);
                failStopped(cause, markAborted);
            }
        });
    }

    private void failStopped(Throwable cause, boolean markAborted) {
        if (markAborted && !isCompleted()) {
            BuildAccess.markAborted(getContext());
        }
        completeFailure(cause);
    }

    @Override
    public String getStatus() {
        return StepText.status(phase, describeRun(), journal.getEntries().size(), nextPollAtMillis, lastStatus);
    }

    // ---- phases ----------------------------------------------------------------------------------------

    void submitPhase() {
        if (phase == Phase.STOPPING || isCompleted()) {
            return;
        }
        ReentrantLock lock = lock();
        lock.lock();
        try {
            driver().submit(journal, this::persist);
        } catch (Throwable t) {
            lock.unlock();
            if (phase == Phase.STOPPING) {
                return; // stop() terminates what was journaled and completes the step
            }
            fail(t);
            return;
        }
        lock.unlock();
        if (!advance(Phase.TRACKING)) {
            return;
        }
        delayMillis = request.getPollPolicy().first();
        saveQuietly();
        pollPhase();
    }

    void pollPhase() {
        if (phase != Phase.TRACKING || isCompleted()) {
            return;
        }
        PollReport report;
        ReentrantLock lock = lock();
        lock.lock();
        try {
            report = driver().poll(journal, this::persist);
            pollErrors = 0;
        } catch (GraphInputException e) {
            lock.unlock();
            fail(e);
            return;
        } catch (Throwable t) {
            lock.unlock();
            if (phase != Phase.TRACKING) {
                return;
            }
            pollErrors++;
            if (pollErrors >= MAX_POLL_ERRORS) {
                giveUp(t);
                return;
            }
            log("Polling " + describeRun() + " failed (" + pollErrors + "/" + MAX_POLL_ERRORS + "): " + oneLine(t)
                    + "; retrying");
            delayMillis = request.getPollPolicy().next(Math.max(delayMillis, 1), false);
            schedulePoll(delayMillis);
            return;
        }
        lock.unlock();
        for (String line : report.getLines()) {
            log(line);
        }
        BuildAccess.publish(getContext(), report.getRecord());
        boolean changed = !Objects.equals(report.getStatus(), lastStatus);
        if (changed && report.getStatus() != null && report.getLines().isEmpty()) {
            log(report.getStatus());
        }
        lastStatus = report.getStatus();
        if (report.isDone()) {
            finish(report);
            return;
        }
        if (!request.isWaitForCompletion()) {
            finish(PollReport.done(Outcome.SUCCEEDED, report.getStatus(), List.of(), null, report.getResult(), null));
            return;
        }
        // the engine's own backoff (5 s -> 60 s on AWS, faster on the local engine) within this step's bounds
        delayMillis = report.getDelayHintMillis() > 0
                ? request.getPollPolicy().clamp(report.getDelayHintMillis())
                : request.getPollPolicy().next(delayMillis, changed);
        schedulePoll(delayMillis);
    }

    /**
     * After {@link #MAX_POLL_ERRORS} failed polls in a row: terminates the run's jobs (bounded by the stop timeout)
     * and fails naming the job ids, so nothing keeps running unseen.
     */
    private void giveUp(Throwable cause) {
        if (!PHASE.compareAndSet(this, Phase.TRACKING, Phase.STOPPING)) {
            return;
        }
        List<String> ids = journal.getJobIds();
        log("Gave up polling " + describeRun() + " after " + MAX_POLL_ERRORS + " failed polls (" + oneLine(cause)
                + "); terminating its " + ids.size() + " job(s): " + String.join(" ", ids));
        terminateThenFail(
                "Jenkins gave up polling the run",
                new AbortException(request.getKind().functionName()
                        + ": gave up polling " + describeRun() + " after " + MAX_POLL_ERRORS + " failed polls ("
                        + oneLine(cause) + "); asked AWS Batch to terminate its " + ids.size() + " job(s): "
                        + JobIdList.of(ids)),
                false);
    }

    private void schedulePoll(long delay) {
        if (phase != Phase.TRACKING) {
            return;
        }
        long jittered = request.getPollPolicy().jitter(delay);
        nextPollAtMillis = System.currentTimeMillis() + jittered;
        pending = runtime()
                .schedule(
                        () -> {
                            if (phase == Phase.TRACKING) {
                                pending = runtime().execute(this::pollPhase);
                            }
                        },
                        jittered);
    }

    private void finish(PollReport report) {
        if (!advance(Phase.DONE)) {
            return;
        }
        closeDriver();
        StepOutcome outcome = StepOutcome.of(request, describeRun(), journal, report);
        if (outcome.unstableWarning() != null) {
            log("Tolerated failures, marking the build UNSTABLE: " + outcome.unstableWarning());
            BuildAccess.markUnstable(getContext(), outcome.unstableWarning());
        }
        if (outcome.aborted()) {
            BuildAccess.markAborted(getContext());
        }
        saveOutcome(outcome.value(), outcome.failure());
    }

    private void fail(Throwable t) {
        if (!advance(Phase.DONE)) {
            return; // stop() terminates what was journaled and completes the step
        }
        closeDriver();
        completeFailure(StepOutcome.failureOf(request, t));
    }

    /** Moves to {@code to} unless {@link #stop} came first (then false: stopping wins). */
    private boolean advance(Phase to) {
        while (true) {
            Phase now = phase;
            if (now == Phase.STOPPING) {
                return false;
            }
            if (PHASE.compareAndSet(this, now, to)) {
                return true;
            }
        }
    }

    private void terminateNow(String reason) {
        ReentrantLock lock = lock();
        boolean locked = false;
        try {
            locked = lock.tryLock(request.getPollPolicy().getStopTimeoutMillis(), TimeUnit.MILLISECONDS);
            int n = driver().terminateAll(journal, reason);
            log("Asked AWS Batch to terminate " + n + " job(s) of " + describeRun() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            log("Could not terminate the jobs of " + describeRun() + ": " + oneLine(t) + "; job ids: "
                    + journal.getJobIds());
        } finally {
            if (locked) {
                lock.unlock();
            }
            closeDriver();
        }
    }

    // ---- journal persistence ---------------------------------------------------------------------------

    /** Called by the driver after each journaled submission: saves before the next AWS call. */
    void persist() throws Exception {
        announceNewEntries();
        try {
            getContext().saveState().get(SAVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log("Warning: saving the step state took more than " + SAVE_TIMEOUT_SECONDS
                    + "s; the run's own state in the store still records the job ids");
        }
        if (phase == Phase.STOPPING) {
            throw new InterruptedException("stopping: no further submissions");
        }
    }

    private void saveQuietly() {
        try {
            getContext().saveState();
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "saveState failed", e);
        }
    }

    private synchronized void announceNewEntries() {
        announced = SubmissionLog.announce(
                listener(),
                journal.getEntries(),
                announced,
                request.getSettings().orElse(request.getDefaults()));
    }

    // ---- outcome helpers -------------------------------------------------------------------------------

    private void completeSuccess(Object value) {
        saveOutcome(value, null);
    }

    private void completeFailure(Throwable t) {
        saveOutcome(null, t);
    }

    /** Saves the outcome with the execution, then delivers it: a restart in between delivers it on resume. */
    private void saveOutcome(Object value, Throwable failure) {
        synchronized (this) {
            if (outcomeSaved) {
                return;
            }
            savedValue = value;
            savedFailure = failure;
            outcomeSaved = true;
        }
        try {
            getContext().saveState().get(SAVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            LOGGER.log(Level.FINE, "saving the outcome failed; delivering it all the same", e);
        }
        deliver();
    }

    private void deliver() {
        if (completedFlag().compareAndSet(false, true)) {
            if (savedFailure != null) {
                getContext().onFailure(savedFailure);
            } else {
                getContext().onSuccess(savedValue);
            }
        }
    }

    private boolean isCompleted() {
        return completedFlag().get();
    }

    // ---- plumbing --------------------------------------------------------------------------------------

    private AtomicBoolean completedFlag() {
        AtomicBoolean c = completed;
        if (c == null) {
            synchronized (this) {
                if (completed == null) {
                    // false after a restart too: a step resumed in DONE has not delivered its saved outcome yet
                    completed = new AtomicBoolean(false);
                }
                c = completed;
            }
        }
        return c;
    }

    private DriverHandle handle() {
        DriverHandle h = driverHandle;
        if (h == null) {
            synchronized (this) {
                if (driverHandle == null) {
                    driverHandle = new DriverHandle();
                }
                h = driverHandle;
            }
        }
        return h;
    }

    private ReentrantLock lock() {
        return handle().lock();
    }

    private ExecutionRuntime runtime() {
        return factory.runtime();
    }

    private GraphDriver driver() throws Exception {
        return handle().get(() -> factory.open(
                request,
                BuildAccess.driverContext(getContext(), request, runtime().proxy())));
    }

    private void closeDriver() {
        handle().close();
    }

    private TaskListener listener() {
        try {
            return getContext().get(TaskListener.class);
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    private void log(String line) {
        TaskListener l = listener();
        if (l != null) {
            l.getLogger().println(line);
        } else {
            LOGGER.info(line);
        }
    }

    private String describeRun() {
        String id = journal.getRunId();
        return id == null ? "the run" : "run " + id;
    }

    private static String oneLine(Throwable t) {
        return StepText.oneLine(t);
    }

    // ---- test and diagnostics access -------------------------------------------------------------------

    public Phase getPhase() {
        return phase;
    }

    public Journal getJournal() {
        return journal;
    }

    public GraphRequest getRequest() {
        return request;
    }
}
