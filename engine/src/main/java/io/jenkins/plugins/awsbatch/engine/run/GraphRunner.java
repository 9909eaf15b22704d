package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.graph.ExecutionModes;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.graph.JobDefinitionSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.lock.RunLock;
import io.jenkins.plugins.awsbatch.engine.lock.RunLockLostException;
import io.jenkins.plugins.awsbatch.engine.plan.Plan;
import io.jenkins.plugins.awsbatch.engine.run.state.IndexMaps;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.RunStateConflictException;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.run.submit.PreflightCheck;
import io.jenkins.plugins.awsbatch.engine.run.submit.Submissions;
import io.jenkins.plugins.awsbatch.engine.run.track.CallFailures;
import io.jenkins.plugins.awsbatch.engine.run.track.RunTracker;
import io.jenkins.plugins.awsbatch.engine.run.track.StageVerdicts;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs one graph: plan → submit → track → judge → (retry) → aggregate → clean up, as a sequence of
 * {@link #step()}s so the CLI can loop and Jenkins can poll from a timer. Stages are submitted upfront with
 * Batch dependencies where nothing has to be judged first, and gated (after the stages before them ended)
 * otherwise; see {@link ExecutionModes}. All progress is journaled, so {@link #resume} re-attaches.
 */
public final class GraphRunner {
    private final RunServices services;
    private final RunState state;
    private final RunJournal journal;
    /** This runner's hold on the run: every journal write checks it; released when the run ends. */
    private final RunLock lock;

    private final IndexMaps indexMaps;
    private final RunTracker tracker;
    private final StageVerdicts verdicts;
    private final Submissions submissions;
    private final CallFailures callFailures;
    private final BuiltInCleanup builtInCleanup;

    private Duration nextDelay = Duration.ZERO;

    /** Progress counts are journaled at most this often, so `status` shows a live run's progress. */
    private static final long PROGRESS_JOURNAL_MS = 2_000;

    private long progressJournaledAt;

    private GraphRunner(RunServices services, RunState state, RunLock lock) {
        this.services = services;
        this.state = state;
        this.lock = lock;
        this.journal = new RunJournal(services.stores().forUri(state.storeUri), services.json(), lock);
        this.indexMaps = new IndexMaps(services.stores(), services.json());
        this.tracker = new RunTracker(services, state);
        this.verdicts = new StageVerdicts(services, state, journal, indexMaps);
        this.submissions = new Submissions(services, state, journal, indexMaps, tracker::ended);
        this.callFailures = new CallFailures(services);
        this.builtInCleanup = new BuiltInCleanup(services, state, journal);
    }

    /**
     * Validates the whole graph, checks its queues and job definitions on Batch ({@link PreflightCheck}), plans
     * the items and journals the new run. Throws
     * {@link GraphValidationException} before anything is submitted.
     */
    public static GraphRunner start(RunServices services, GraphSpec graph, Path baseDir, String runId) {
        return start(
                services,
                ValidatedRun.check(graph, baseDir, runId, services.stores(), services.json(), services.clock()));
    }

    /** As {@link #start(RunServices, GraphSpec, Path, String)} under the run's lock the caller took already. */
    public static GraphRunner start(RunServices services, GraphSpec graph, Path baseDir, String runId, RunLock held) {
        return start(
                services,
                ValidatedRun.check(graph, baseDir, runId, services.stores(), services.json(), services.clock()),
                held);
    }

    /** Starts a run whose graph, run id and items were checked before its engine existed. */
    public static GraphRunner start(RunServices services, ValidatedRun run) {
        return start(services, run, null);
    }

    /** As {@link #start(RunServices, ValidatedRun)} under the run's lock the caller took already. */
    public static GraphRunner start(RunServices services, ValidatedRun run, RunLock held) {
        new PreflightCheck(services).requireReady(run.graph(), stage -> true);
        return begin(services, run, held);
    }

    /**
     * Opens a runner under the run's lock, taken for this engine entry point unless the caller holds it already;
     * a lock taken here is released when opening fails.
     */
    private static GraphRunner underLock(
            RunServices services,
            String storeUri,
            String runId,
            RunLock held,
            String entry,
            Function<RunLock, GraphRunner> open) {
        RunLock lock = held != null
                ? held
                : RunLock.acquire(
                        services.stores().forUri(storeUri),
                        new RunLayout(storeUri, runId),
                        "engine " + entry,
                        services.listener()::message);
        try {
            return open.apply(lock);
        } catch (RuntimeException e) {
            if (held == null) {
                lock.close();
            }
            throw e;
        }
    }

    private static GraphRunner begin(RunServices services, ValidatedRun run, RunLock held) {
        return underLock(services, RunPlanning.canonicalStore(run.graph()), run.runId(), held, "start", lock -> {
            RunState state = RunPlanning.journalNew(services, run);
            Plan plan = RunPlanning.writeItems(services, state, run);
            GraphRunner runner = new GraphRunner(services, state, lock);
            runner.journal.save(state);
            RunPlanning.announce(services, state, plan);
            return runner;
        });
    }

    /**
     * Planning alone (Jenkins' {@code awsBatchPlan}): validates the plan part of {@code graph} (its stages
     * may be empty), writes the items and manifest, and journals a run with no stages yet. Later steps
     * {@link #extend} it.
     */
    public static RunState plan(RunServices services, GraphSpec graph, Path baseDir, String runId) {
        if (runId != null) {
            // Idempotent: a plan interrupted before its journal was written is redone; a finished one is reused.
            RunLayout layout = new RunLayout(RunPlanning.canonicalStore(graph), runId);
            Optional<RunState> done =
                    new RunJournal(services.stores().forUri(layout.storeUri()), services.json()).load(layout);
            if (done.isPresent() && done.get().itemCount >= 0) {
                return done.get();
            }
        }
        return plan(
                services,
                ValidatedRun.checkPlan(graph, baseDir, runId, services.stores(), services.json(), services.clock()),
                null);
    }

    /** As {@link #plan(RunServices, GraphSpec, Path, String)} for a plan checked already, under the caller's lock. */
    public static RunState plan(RunServices services, ValidatedRun run, RunLock held) {
        GraphRunner runner = begin(services, run, held);
        runner.finishWith(Outcome.SUCCEEDED, "planned " + runner.state.itemCount + " item(s)");
        return runner.state;
    }

    /**
     * Adds stages to a journaled run (Jenkins' {@code awsBatchFanOut} after {@code awsBatchPlan}, or
     * {@code awsBatchAggregate} after a fan-out) and returns a runner over the whole run: stages that already
     * ended are reused as they are (no Batch dependency on them), stages still running are tracked, the new
     * ones are submitted. The combined graph is validated before anything is submitted.
     */
    public static GraphRunner extend(
            RunServices services,
            RunState prior,
            List<StageSpec> newStages,
            Map<String, JobDefinitionSpec> newDefinitions) {
        return extend(services, prior, ValidatedExtension.check(prior, newStages, newDefinitions), null);
    }

    /**
     * As {@link #extend(RunServices, RunState, List, Map)} for stages checked already, under the run's lock the
     * caller took already ({@code prior} read under it).
     */
    public static GraphRunner extend(RunServices services, RunState prior, ValidatedExtension extension, RunLock held) {
        ValidatedExtension checked = extension.against(prior);
        GraphSpec combined = checked.combined();
        new PreflightCheck(services).requireReady(combined, checked.newStages()::contains);
        prior.graph = combined;
        prior.mode = ExecutionModes.describe(combined);
        prior.outcome = null;
        prior.finishedAt = 0;
        return underLock(services, prior.storeUri, prior.runId, held, "extend", lock -> {
            checked.newStages().forEach(s -> prior.stages.put(s.name(), new StageState()));
            GraphRunner runner = new GraphRunner(services, prior, lock);
            runner.journal.save(prior);
            return runner;
        });
    }

    /** Re-attaches to a journaled run: tracks what was submitted, submits what was not, never twice. */
    public static GraphRunner resume(RunServices services, RunState state) {
        return resume(services, state, null);
    }

    /**
     * As {@link #resume(RunServices, RunState)} under the run's lock the caller took already; {@code state} must
     * be read after taking it (a writer before may have moved the run on).
     */
    public static GraphRunner resume(RunServices services, RunState state, RunLock held) {
        return underLock(
                services, state.storeUri, state.runId, held, "resume", lock -> resumeLocked(services, state, lock));
    }

    private static GraphRunner resumeLocked(RunServices services, RunState state, RunLock lock) {
        if (state.itemCount < 0) {
            RunPlanning.planAgain(services, state);
        }
        new PreflightCheck(services).requireReady(state.graph, stage -> {
            StageState stageState = state.stages.get(stage.name());
            return stageState != null && stageState.status == StageStatus.WAITING && stageState.jobs.isEmpty();
        });
        GraphRunner runner = new GraphRunner(services, state, lock);
        if (state.submitting != null) {
            services.listener()
                    .message("finishing the submission of " + state.submitting + " (looked up by name first)");
        }
        runner.submissions.reconcileFromNowOn(); // a job may have been submitted just before the interruption
        services.listener().message("resuming run " + state.runId);
        return runner;
    }

    /**
     * {@code rerun --failed}: a new retry round of a finished run (same run id, store and journal) over its failed
     * items only, and over the items of the stages after them that never ran or failed as dependents (see
     * {@link FailedRerun}). {@code state} must be read after taking the lock; the reopened stages are journaled
     * before anything is submitted. Throws {@link IllegalStateException} when the run cannot be rerun.
     */
    public static GraphRunner rerunFailed(RunServices services, RunState state, RunLock held) {
        return underLock(services, state.storeUri, state.runId, held, "rerun", lock -> {
            FailedRerun.refusal(state).ifPresent(why -> {
                throw new IllegalStateException(why);
            });
            Set<String> reopened = FailedRerun.reopen(state);
            new PreflightCheck(services).requireReady(state.graph, stage -> reopened.contains(stage.name()));
            GraphRunner runner = new GraphRunner(services, state, lock);
            runner.journal.save(state);
            // a rerun interrupted while submitting is finished by resume, by name
            runner.submissions.reconcileFromNowOn();
            services.listener().message("rerunning the failed items of run " + state.runId + ": stages " + reopened);
            return runner;
        });
    }

    /** Why {@link #rerunFailed} would refuse {@code state} (not finished, nothing failed, cleaned up), or empty. */
    public static Optional<String> rerunRefusal(RunState state) {
        return FailedRerun.refusal(state);
    }

    public RunState state() {
        return state;
    }

    public boolean isFinished() {
        return state.outcome != null;
    }

    /** How long to wait before the next {@link #step()}. */
    public Duration nextDelay() {
        return nextDelay;
    }

    /** Submits what may be submitted, polls what runs, judges what ended. Returns true once the run has ended. */
    public synchronized boolean step() {
        if (isFinished()) {
            lock.close();
            return true;
        }
        lock.requireHeld();
        try {
            boolean ended = stepOnce();
            callFailures.succeeded();
            return ended;
        } catch (BatchClientException | GraphValidationException e) {
            throw e; // the request is wrong: retrying cannot help
        } catch (RunLockLostException | RunStateConflictException e) {
            throw e; // another process writes the run now: this one must stop
        } catch (RuntimeException e) {
            // Throttling past the SDK's retries, a 5xx burst, a network blip: slow down, never fail the run.
            nextDelay = callFailures.failed(e);
            submissions.reconcileFromNowOn();
            return false;
        }
    }

    private boolean stepOnce() {
        boolean changed = submissions.submitReleased(builtInCleanup::run);
        if (tracker.poll()) {
            changed = true;
            journalProgress();
        }
        changed |= judgeFinishedStages();
        changed |= submissions.submitReleased(builtInCleanup::run);
        if (state.stages.values().stream().allMatch(s -> s.status.isFinished())) {
            finish();
            return true;
        }
        nextDelay = services.pollSchedule().next(changed);
        return false;
    }

    /** Steps until the run ends, sleeping between polls. Interrupted → abort. */
    public RunResult runToCompletion() {
        try {
            while (!step()) {
                services.sleeper().sleep(nextDelay);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort("interrupted");
        }
        return result();
    }

    /**
     * Stops the run: terminates every job not yet ended (array parents take their children along), marks the
     * stages, runs the built-in cleanup if the graph has one, and ends the run ABORTED.
     */
    public synchronized void abort(String reason) {
        if (isFinished()) {
            return;
        }
        state.abortRequested = true;
        int terminated = tracker.terminateOpen("Aborted: " + reason);
        for (StageState stage : state.stages.values()) {
            if (!stage.status.isFinished()) {
                stage.status = stage.jobs.isEmpty() ? StageStatus.SKIPPED : StageStatus.ABORTED;
                stage.reason = "aborted: " + reason;
            }
        }
        services.listener().message("aborted: terminated " + terminated + " job(s)");
        journal.save(state);
        builtInCleanup.run();
        finishWith(Outcome.ABORTED, "aborted: " + reason);
    }

    // ---- judging stages ----------------------------------------------------------------------------------

    private void journalProgress() {
        long now = services.clock().millis();
        if (now - progressJournaledAt >= PROGRESS_JOURNAL_MS) {
            progressJournaledAt = now;
            journal.save(state);
        }
    }

    private boolean judgeFinishedStages() {
        boolean any = false;
        for (StageSpec stage : state.graph.stages()) {
            StageState stageState = state.stage(stage.name());
            if (stageState.status != StageStatus.SUBMITTED || stage.isBuiltInCleanup()) {
                continue;
            }
            if (!stageState.roundSubmitted) {
                any |= submitRest(stage, stageState); // the next wave, or a retry round an interruption cut short
                continue;
            }
            if (tracker.roundEnded(stageState)) {
                if (verdicts.judge(stage, stageState, tracker)) {
                    submissions.retryFailedItems(stage, stageState);
                } else {
                    verdicts.settle(stage, stageState);
                }
                any = true;
            }
        }
        return any;
    }

    private boolean submitRest(StageSpec stage, StageState stageState) {
        return stageState.rerunPending ? openRerunRound(stage, stageState) : submissions.submitRest(stage, stageState);
    }

    /**
     * A stage {@code rerun --failed} reopened, once the stages it depends on have ended: opens its round, or, when
     * it has nothing to run, ends it as it stood. True once it did either.
     */
    private boolean openRerunRound(StageSpec stage, StageState stageState) {
        if (!FailedRerun.upstreamEnded(state, stage)) {
            return false;
        }
        stageState.rerunPending = false;
        FailedRerun.Round round = FailedRerun.round(state, stage, indexMaps::items);
        if (round.isEmpty()) {
            services.listener()
                    .message("stage " + stage.name() + ": nothing to rerun"
                            + (round.upstreamUsable() ? "" : " (a stage it depends on did not succeed)"));
            verdicts.settle(stage, stageState);
            return true;
        }
        submissions.rerun(stage, stageState, round.items());
        return true;
    }

    // ---- the end ----------------------------------------------------------------------------------------

    private void finish() {
        finishWith(
                Outcome.of(state.stages.values()),
                state.itemCount == 0 ? "the plan had no items: fan-out skipped" : null);
    }

    private void finishWith(Outcome outcome, String message) {
        state.outcome = outcome;
        state.message = message;
        state.finishedAt = services.clock().millis();
        journal.save(state);
        lock.close();
    }

    public RunResult result() {
        return RunResult.of(state, services.calls().snapshot(), services.clock().millis());
    }
}
