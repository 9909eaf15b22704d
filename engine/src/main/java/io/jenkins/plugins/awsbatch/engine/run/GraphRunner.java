package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.aws.ServiceEndpoints;
import io.jenkins.plugins.awsbatch.engine.graph.ExecutionModes;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.graph.JobDefinitionSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.lock.RunLock;
import io.jenkins.plugins.awsbatch.engine.lock.RunLockLostException;
import io.jenkins.plugins.awsbatch.engine.plan.Chunker;
import io.jenkins.plugins.awsbatch.engine.plan.ItemDestination;
import io.jenkins.plugins.awsbatch.engine.plan.ItemSource;
import io.jenkins.plugins.awsbatch.engine.plan.Plan;
import io.jenkins.plugins.awsbatch.engine.plan.Planner;
import io.jenkins.plugins.awsbatch.engine.run.state.CleanupReport;
import io.jenkins.plugins.awsbatch.engine.run.state.IndexMaps;
import io.jenkins.plugins.awsbatch.engine.run.state.JobRecord;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.RunStateConflictException;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.run.submit.PreflightCheck;
import io.jenkins.plugins.awsbatch.engine.run.submit.StageRelease;
import io.jenkins.plugins.awsbatch.engine.run.submit.Submissions;
import io.jenkins.plugins.awsbatch.engine.run.track.CallFailures;
import io.jenkins.plugins.awsbatch.engine.run.track.RunTracker;
import io.jenkins.plugins.awsbatch.engine.run.track.StageVerdicts;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.store.DynamoDbObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

    /** Takes the run's lock for an engine entry point unless the caller holds it already. */
    private static RunLock lockFor(RunServices services, String storeUri, String runId, RunLock held, String entry) {
        if (held != null) {
            return held;
        }
        return RunLock.acquire(
                services.stores().forUri(storeUri),
                new RunLayout(storeUri, runId),
                "engine " + entry,
                services.listener()::message);
    }

    private static GraphRunner begin(RunServices services, ValidatedRun run, RunLock held) {
        RunLock lock = lockFor(services, canonicalStore(run.graph()), run.runId(), held, "start");
        try {
            return beginLocked(services, run, lock);
        } catch (RuntimeException e) {
            if (held == null) {
                lock.close();
            }
            throw e;
        }
    }

    private static GraphRunner beginLocked(RunServices services, ValidatedRun run, RunLock lock) {
        GraphSpec graph = run.graph();
        Path baseDir = run.baseDir();
        RunState state = new RunState();
        state.runId = run.runId();
        state.name = graph.name();
        state.engine = graph.engineOrDefault();
        state.storeUri = canonicalStore(graph);
        state.baseDir = baseDir == null ? null : baseDir.toAbsolutePath().toString();
        state.graph = graph;
        state.mode = ExecutionModes.describe(graph);
        state.startedAt = services.clock().millis();
        RunLayout layout = new RunLayout(state.storeUri, state.runId);
        state.runUri = layout.runUri();
        graph.stages().forEach(s -> state.stages.put(s.name(), new StageState()));
        state.region = services.batch().region();
        ServiceEndpoints endpoints = services.recordedEndpoints();
        state.endpointUrl = endpoints.common();
        state.serviceEndpoints = endpoints.services().isEmpty() ? null : new java.util.TreeMap<>(endpoints.services());
        ObjectStore store = services.stores().forUri(state.storeUri);
        RunJournal journal = new RunJournal(store, services.json());
        if (journal.load(layout).filter(existing -> existing.itemCount >= 0).isPresent()) {
            throw new IllegalStateException("run " + state.runId + " already exists: use resume, or another --run-id");
        }
        state.itemsUri = itemsUriOf(graph, layout);
        // Journaled before planning: a run killed while planning is found by resume (which plans again) and cleanup.
        journal.save(state);
        Planner planner = new Planner(
                new ItemSource(services.json(), services.stores()),
                services.json(),
                new Chunker(services.settings().maxArraySize()),
                services.clock());
        Plan plan = planner.write(
                graph.name(),
                run.items(),
                graph.plan() == null || graph.plan().items() == null
                        ? null
                        : graph.plan().items().key(),
                layout,
                store,
                itemDestination(services, state));
        state.itemCount = plan.itemCount();
        state.itemLayout = plan.itemLayout().id();
        GraphRunner runner = new GraphRunner(services, state, lock);
        runner.journal.save(state);
        services.listener()
                .message("run " + state.runId + ": " + plan.itemCount() + " item(s) in "
                        + plan.chunks().size() + " chunk(s), " + state.mode + " mode, data in " + state.runUri);
        if (plan.isEmpty()) {
            services.listener().message("the plan has no items: array stages are skipped");
        }
        return runner;
    }

    /** Writes the items and manifest of {@code state}'s graph (again, identically, after an interruption). */
    private static Plan planItems(RunServices services, RunState state, Path baseDir, ObjectStore store) {
        RunLayout layout = new RunLayout(state.storeUri, state.runId);
        Planner planner = new Planner(
                new ItemSource(services.json(), services.stores()),
                services.json(),
                new Chunker(services.settings().maxArraySize()),
                services.clock());
        GraphSpec graph = state.graph;
        Plan plan = planner.plan(
                graph.name(),
                graph.plan() == null ? null : graph.plan().items(),
                baseDir,
                layout,
                store,
                itemDestination(services, state));
        state.itemCount = plan.itemCount();
        state.itemLayout = plan.itemLayout().id();
        return plan;
    }

    private static ItemDestination itemDestination(RunServices services, RunState state) {
        return new ItemDestination(
                state.itemsUri,
                services.stores().forUri(state.itemsUri),
                state.graph.plan() == null ? null : state.graph.plan().itemLayout());
    }

    /**
     * Planning alone (Jenkins' {@code awsBatchPlan}): validates the plan part of {@code graph} (its stages
     * may be empty), writes the items and manifest, and journals a run with no stages yet. Later steps
     * {@link #extend} it.
     */
    public static RunState plan(RunServices services, GraphSpec graph, Path baseDir, String runId) {
        if (runId != null) {
            // Idempotent: a plan interrupted before its journal was written is redone; a finished one is reused.
            RunLayout layout = new RunLayout(canonicalStore(graph), runId);
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
        RunLock lock = lockFor(services, prior.storeUri, prior.runId, held, "extend");
        checked.newStages().forEach(s -> prior.stages.put(s.name(), new StageState()));
        GraphRunner runner = new GraphRunner(services, prior, lock);
        try {
            runner.journal.save(prior);
        } catch (RuntimeException e) {
            if (held == null) {
                lock.close();
            }
            throw e;
        }
        return runner;
    }

    /** {@code plan.itemStore: dynamodb:TABLE} keeps the item records in DynamoDB, else under the run. */
    private static String itemsUriOf(GraphSpec graph, RunLayout layout) {
        String itemStore = graph.plan() == null ? null : graph.plan().itemStore();
        if (itemStore != null && itemStore.startsWith("dynamodb:")) {
            return DynamoDbObjectStore.itemsUri(itemStore.substring("dynamodb:".length()), layout.runId());
        }
        return layout.itemsUri();
    }

    /** Jobs run elsewhere (another folder, another machine): a local store becomes an absolute URI. */
    private static String canonicalStore(GraphSpec graph) {
        return graph.storeOrDefault().startsWith("file:")
                ? LocalObjectStore.canonical(graph.storeOrDefault())
                : graph.storeOrDefault();
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
        RunLock lock = lockFor(services, state.storeUri, state.runId, held, "resume");
        try {
            return resumeLocked(services, state, lock);
        } catch (RuntimeException e) {
            if (held == null) {
                lock.close();
            }
            throw e;
        }
    }

    private static GraphRunner resumeLocked(RunServices services, RunState state, RunLock lock) {
        if (state.itemCount < 0) {
            // interrupted while planning: nothing was submitted; plan again, as the run would have
            ObjectStore store = services.stores().forUri(state.storeUri);
            Path baseDir = state.baseDir == null ? null : Path.of(state.baseDir);
            planItems(services, state, baseDir, store);
            new RunJournal(store, services.json()).save(state);
            services.listener()
                    .message("run " + state.runId + " was interrupted while planning: planned again, " + state.itemCount
                            + " item(s)");
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
        RunLock lock = lockFor(services, state.storeUri, state.runId, held, "rerun");
        try {
            FailedRerun.refusal(state).ifPresent(why -> {
                throw new IllegalStateException(why);
            });
            Set<String> reopened = FailedRerun.reopen(state);
            new PreflightCheck(services).requireReady(state.graph, stage -> reopened.contains(stage.name()));
            GraphRunner runner = new GraphRunner(services, state, lock);
            runner.journal.save(state);
            runner.submissions
                    .reconcileFromNowOn(); // a rerun interrupted while submitting is finished by resume, by name
            services.listener().message("rerunning the failed items of run " + state.runId + ": stages " + reopened);
            return runner;
        } catch (RuntimeException e) {
            if (held == null) {
                lock.close();
            }
            throw e;
        }
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
        boolean changed = submitReleased();
        if (tracker.poll()) {
            changed = true;
            journalProgress();
        }
        changed |= judgeFinishedStages();
        changed |= submitReleased();
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
        int terminated = 0;
        for (StageState stage : state.stages.values()) {
            for (JobRecord job : stage.jobs) {
                if (job.round() == stage.round && !stage.rerunPending && !tracker.ended(job.jobId())) {
                    try {
                        services.batch().terminateJob(job.jobId(), "Aborted: " + reason);
                        terminated++;
                    } catch (RuntimeException e) {
                        services.listener().message("could not terminate " + job.jobName() + ": " + e.getMessage());
                    }
                }
            }
            if (!stage.status.isFinished()) {
                stage.status = stage.jobs.isEmpty() ? StageStatus.SKIPPED : StageStatus.ABORTED;
                stage.reason = "aborted: " + reason;
            }
        }
        services.listener().message("aborted: terminated " + terminated + " job(s)");
        journal.save(state);
        runBuiltInCleanup();
        finishWith(Outcome.ABORTED, "aborted: " + reason);
    }

    // ---- submitting and judging stages ----------------------------------------------------------------------

    private boolean submitReleased() {
        boolean any = false;
        for (StageSpec stage : state.graph.stages()) {
            StageState stageState = state.stage(stage.name());
            if (stageState.status != StageStatus.WAITING) {
                continue;
            }
            StageRelease release = StageRelease.of(state, stage);
            switch (release) {
                case NOT_YET -> {}
                case SKIP -> {
                    submissions.skip(stage, stageState);
                    any = true;
                }
                case SUBMIT_UPFRONT, SUBMIT_GATED -> {
                    if (stage.isBuiltInCleanup()) {
                        stageState.submittedAt = services.clock().millis();
                        stageState.status = StageStatus.SUBMITTED;
                        runBuiltInCleanup();
                    } else {
                        submissions.submitStage(stage, stageState, release == StageRelease.SUBMIT_UPFRONT);
                    }
                    any = true;
                }
            }
        }
        return any;
    }

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
        boolean upstreamUsable = stage.dependsOn().stream()
                .map(d -> state.stage(d.stage()))
                .allMatch(up -> up.status.isUsable()
                        || up.status == StageStatus.SKIPPED && StageRelease.NO_ITEMS.equals(up.reason));
        boolean array = stage.type() == StageType.ARRAY;
        TreeSet<Long> items = !array
                ? null
                : upstreamUsable ? FailedRerun.itemsToRun(state, stage, indexMaps::items) : new TreeSet<>();
        if (array ? items.isEmpty() : !(upstreamUsable && FailedRerun.rerunsWhole(state, stage))) {
            services.listener()
                    .message("stage " + stage.name() + ": nothing to rerun"
                            + (upstreamUsable ? "" : " (a stage it depends on did not succeed)"));
            verdicts.settle(stage, stageState);
            return true;
        }
        submissions.rerun(stage, stageState, items);
        return true;
    }

    // ---- the end ----------------------------------------------------------------------------------------

    private void runBuiltInCleanup() {
        for (StageSpec stage : state.graph.stages()) {
            StageState stageState = state.stage(stage.name());
            if (!stage.isBuiltInCleanup()
                    || stageState.status.isFinished()
                            && stageState.status != StageStatus.ABORTED
                            && stageState.status != StageStatus.SKIPPED) {
                continue;
            }
            CleanupReport report = new RunCleaner(services.stores()).clean(state);
            state.cleanup = report;
            stageState.status = report.error() == null ? StageStatus.SUCCEEDED : StageStatus.FAILED;
            stageState.reason =
                    report.error() == null ? "deleted " + report.deletedObjects() + " object(s)" : report.error();
            stageState.finishedAt = services.clock().millis();
            services.listener()
                    .message("cleanup: deleted " + report.deletedObjects() + " object(s) under "
                            + report.deletedPrefixes() + (report.error() == null ? "" : "; error: " + report.error()));
            services.listener().stageFinished(stage.name(), stageState.status.name(), stageState.reason);
            journal.save(state);
        }
    }

    private void finish() {
        Outcome outcome = Outcome.SUCCEEDED;
        for (StageState stage : state.stages.values()) {
            if (stage.status == StageStatus.FAILED
                    || stage.status == StageStatus.SKIPPED
                            && stage.reason != null
                            && stage.reason.startsWith("an upstream")) {
                outcome = Outcome.FAILED;
                break;
            }
            if (stage.status == StageStatus.UNSTABLE) {
                outcome = Outcome.UNSTABLE;
            }
        }
        finishWith(outcome, state.itemCount == 0 ? "the plan had no items: fan-out skipped" : null);
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
