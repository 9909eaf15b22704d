package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.aws.ServiceEndpoints;
import io.jenkins.plugins.awsbatch.engine.graph.ExecutionModes;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.graph.JobDefinitionSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageDependency;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.lock.RunLock;
import io.jenkins.plugins.awsbatch.engine.lock.RunLockLostException;
import io.jenkins.plugins.awsbatch.engine.plan.Chunk;
import io.jenkins.plugins.awsbatch.engine.plan.Chunker;
import io.jenkins.plugins.awsbatch.engine.plan.ItemDestination;
import io.jenkins.plugins.awsbatch.engine.plan.ItemLayout;
import io.jenkins.plugins.awsbatch.engine.plan.ItemSource;
import io.jenkins.plugins.awsbatch.engine.plan.Manifest;
import io.jenkins.plugins.awsbatch.engine.plan.Plan;
import io.jenkins.plugins.awsbatch.engine.plan.Planner;
import io.jenkins.plugins.awsbatch.engine.run.state.CleanupReport;
import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.IndexMaps;
import io.jenkins.plugins.awsbatch.engine.run.state.JobRecord;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.RunStateConflictException;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.store.DynamoDbObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.track.JobPoller;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

    private final ObjectStore store;
    private final RunLayout layout;
    private final Chunker chunker;
    private final IndexMaps indexMaps;
    private final StageJudge judge;
    private final StageSubmitter submitter;
    private final JobPoller poller;
    private final LostJobs lostJobs;
    private final RunnableWatch runnableWatch;
    /** Latest detail of every job of the run that has been polled. */
    private final Map<String, JobDetail> details = new HashMap<>();

    private Manifest manifest;
    private Duration nextDelay = Duration.ZERO;
    /** Transient failures in a row; past the limit the run stops with the error (a real outage). */
    private int consecutiveErrors;

    private static final int MAX_CONSECUTIVE_ERRORS = 30;
    /** Why an array stage of a plan without items was skipped. */
    private static final String NO_ITEMS = "no items";
    /** Progress counts are journaled at most this often, so `status` shows a live run's progress. */
    private static final long PROGRESS_JOURNAL_MS = 2_000;

    private long progressJournaledAt;

    private GraphRunner(RunServices services, RunState state, RunLock lock) {
        this.services = services;
        this.state = state;
        this.lock = lock;
        this.layout = new RunLayout(state.storeUri, state.runId);
        this.store = services.stores().forUri(state.storeUri);
        this.chunker = new Chunker(services.settings().maxArraySize());
        this.journal = new RunJournal(store, services.json(), lock);
        this.indexMaps = new IndexMaps(services.stores(), services.json());
        this.judge = new StageJudge(services, indexMaps);
        this.poller = new JobPoller(services.batch());
        this.runnableWatch = new RunnableWatch(services.batch());
        this.lostJobs = LostJobs.of(services.batch());
        SubmitRequestFactory requests = new SubmitRequestFactory(
                state.graph,
                layout,
                state.itemsUri != null ? state.itemsUri : layout.itemsUri(),
                ItemLayout.recorded(state.itemLayout),
                Math.max(0, state.itemCount),
                services.definitionNames(),
                services.settings().defaultQueue());
        this.submitter = new StageSubmitter(services, state, journal, requests, chunker);
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
        runner.submitter.reconcileFromNowOn(); // a job may have been submitted just before the interruption
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
            runner.submitter
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
            consecutiveErrors = 0;
            return ended;
        } catch (BatchClientException | GraphValidationException e) {
            throw e; // the request is wrong: retrying cannot help
        } catch (RunLockLostException | RunStateConflictException e) {
            throw e; // another process writes the run now: this one must stop
        } catch (RuntimeException e) {
            // Throttling past the SDK's retries, a 5xx burst, a network blip: slow down, never fail the run.
            if (++consecutiveErrors > MAX_CONSECUTIVE_ERRORS) {
                throw e;
            }
            submitter.reconcileFromNowOn();
            nextDelay = services.pollSchedule().throttled();
            services.listener()
                    .message("call failed (" + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage())
                            + "); retrying in " + nextDelay.toSeconds() + " s (" + consecutiveErrors + "/"
                            + MAX_CONSECUTIVE_ERRORS + ")");
            return false;
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private boolean stepOnce() {
        boolean changed = submitReleased();
        if (poll()) {
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
                JobDetail detail = details.get(job.jobId());
                if (job.round() == stage.round
                        && !stage.rerunPending
                        && (detail == null || !detail.status().isTerminal())) {
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

    // ---- submission -------------------------------------------------------------------------------------

    private boolean submitReleased() {
        boolean any = false;
        for (StageSpec stage : state.graph.stages()) {
            StageState stageState = state.stage(stage.name());
            if (stageState.status != StageStatus.WAITING) {
                continue;
            }
            Release release = release(stage);
            switch (release) {
                case NOT_YET -> {}
                case SKIP -> {
                    skip(stage, stageState);
                    any = true;
                }
                case SUBMIT_UPFRONT, SUBMIT_GATED -> {
                    submitStage(stage, stageState, release == Release.SUBMIT_UPFRONT);
                    any = true;
                }
            }
        }
        return any;
    }

    private enum Release {
        NOT_YET,
        SKIP,
        SUBMIT_UPFRONT,
        SUBMIT_GATED
    }

    private Release release(StageSpec stage) {
        // After a rerun the stages before may be in a later round: wait for them instead of Batch dependencies.
        boolean gated = ExecutionModes.isGated(state.graph, stage) || state.reruns > 0;
        if (!state.stage(stage.name()).jobs.isEmpty()) {
            // Partly submitted before an interruption: finish it (by name), whatever happened upstream since.
            return gated ? Release.SUBMIT_GATED : Release.SUBMIT_UPFRONT;
        }
        if (stage.type() == StageType.CLEANUP) {
            boolean othersDone = state.graph.stages().stream()
                    .filter(s -> s.type() != StageType.CLEANUP)
                    .allMatch(s -> state.stage(s.name()).status.isFinished());
            return othersDone ? Release.SUBMIT_GATED : Release.NOT_YET;
        }
        if (stage.type() == StageType.ARRAY && state.itemCount == 0) {
            return Release.SKIP;
        }
        for (StageDependency dep : stage.dependsOn()) {
            StageStatus upstream = state.stage(dep.stage()).status;
            if (upstream == StageStatus.SKIPPED && NO_ITEMS.equals(state.stage(dep.stage()).reason)) {
                continue; // a plan with zero items succeeds: what comes after its skipped arrays still runs
            }
            if (upstream == StageStatus.FAILED || upstream == StageStatus.SKIPPED || upstream == StageStatus.ABORTED) {
                return Release.SKIP;
            }
            if (gated ? !upstream.isUsable() : upstream == StageStatus.WAITING) {
                return Release.NOT_YET;
            }
        }
        return gated ? Release.SUBMIT_GATED : Release.SUBMIT_UPFRONT;
    }

    private void skip(StageSpec stage, StageState stageState) {
        stageState.status = StageStatus.SKIPPED;
        stageState.reason = state.itemCount == 0 && stage.type() == StageType.ARRAY
                ? NO_ITEMS
                : "an upstream stage did not succeed";
        stageState.finishedAt = services.clock().millis();
        journal.save(state);
        services.listener().stageFinished(stage.name(), stageState.status.name(), stageState.reason);
    }

    private void submitStage(StageSpec stage, StageState stageState, boolean upfront) {
        stageState.submittedAt = services.clock().millis();
        if (stage.isBuiltInCleanup()) {
            stageState.status = StageStatus.SUBMITTED;
            runBuiltInCleanup();
            return;
        }
        List<StageSubmitter.Unit> units;
        String indexMap = null;
        switch (stage.type()) {
            case ARRAY -> {
                indexMap = survivorsMap(stage);
                long size = indexMap == null ? state.itemCount : stageState.populationSize;
                units = submitter.arrayUnits(stage, size, indexMap, 0);
            }
            default -> units = nonArrayUnits(stage);
        }
        if (units.isEmpty()) {
            stageState.status = StageStatus.SKIPPED;
            stageState.reason = "nothing to aggregate";
            journal.save(state);
            services.listener().stageFinished(stage.name(), "SKIPPED", stageState.reason);
            return;
        }
        if (stageState.populationUri == null) {
            stageState.populationSize =
                    units.stream().mapToLong(u -> u.chunk().size()).sum();
        }
        journal.save(state);
        // Still WAITING while submitting: if a call fails midway, the next step submits the rest (by name).
        stageState.roundSubmitted = submitter.submit(stage, stageState, units, 0, indexMap, upfront, this::ended);
        stageState.status = StageStatus.SUBMITTED;
        journal.save(state);
    }

    /**
     * After an upstream array passed with tolerated failures, this stage runs over the items that succeeded
     * in every upstream array only: an index map says which.
     */
    private String survivorsMap(StageSpec stage) {
        TreeSet<Long> dropped = new TreeSet<>();
        for (StageDependency dep : stage.dependsOn()) {
            StageSpec upstream = state.graph.stage(dep.stage()).orElseThrow();
            StageState upstreamState = state.stage(dep.stage());
            if (upstream.type() == StageType.ARRAY) {
                dropped.addAll(upstreamState.failedItems.keySet());
                if (upstreamState.populationUri != null) {
                    return writeSurvivors(stage, upstreamState, dropped);
                }
            }
        }
        if (dropped.isEmpty()) {
            return null;
        }
        return writeSurvivors(stage, null, dropped);
    }

    private String writeSurvivors(StageSpec stage, StageState upstreamPopulation, TreeSet<Long> dropped) {
        List<Long> survivors = new ArrayList<>();
        if (upstreamPopulation != null && upstreamPopulation.populationUri != null) {
            for (long p = 0; p < upstreamPopulation.populationSize; p++) {
                long item = indexMaps.itemIndex(upstreamPopulation.populationUri, 0, p);
                if (!dropped.contains(item)) {
                    survivors.add(item);
                }
            }
        } else {
            for (long i = 0; i < state.itemCount; i++) {
                if (!dropped.contains(i)) {
                    survivors.add(i);
                }
            }
        }
        StageState stageState = state.stage(stage.name());
        stageState.populationUri = indexMaps.write(layout.stageUri(stage.name()) + "/population.json", survivors);
        stageState.populationSize = survivors.size();
        services.listener()
                .message("stage " + stage.name() + " runs over " + survivors.size() + " item(s), " + dropped.size()
                        + " left out after failures upstream");
        return stageState.populationUri;
    }

    /** An aggregation's jobs, or the one job of a single stage. */
    private List<StageSubmitter.Unit> nonArrayUnits(StageSpec stage) {
        return stage.type() == StageType.AGGREGATE
                ? aggregateUnits(stage)
                : List.of(new StageSubmitter.Unit(new Chunk(0, 0, 1), "0", Map.of(), null));
    }

    private List<StageSubmitter.Unit> aggregateUnits(StageSpec stage) {
        if (stage.count() != null && stage.count().partitionsFrom() != null) {
            List<String> partitions = readPartitions(stage.count().partitionsFrom());
            List<StageSubmitter.Unit> units = new ArrayList<>();
            for (int p = 0; p < partitions.size(); p++) {
                units.add(new StageSubmitter.Unit(
                        new Chunk(p, p, 1),
                        "p" + p,
                        Map.of(
                                "BATCHGRAPH_PARTITION",
                                partitions.get(p),
                                "BATCHGRAPH_AGGREGATE_COUNT",
                                String.valueOf(partitions.size())),
                        partitions.get(p)));
            }
            services.listener()
                    .message("stage " + stage.name() + ": " + partitions.size() + " partition(s) "
                            + partitions.stream().limit(10).toList() + (partitions.size() > 10 ? "..." : ""));
            return units;
        }
        int count = io.jenkins.plugins.awsbatch.engine.plan.ArrayLayout.aggregateCount(stage, state.itemCount)
                .orElseThrow();
        if (count == 1) {
            return List.of(
                    new StageSubmitter.Unit(new Chunk(0, 0, 1), "0", Map.of("BATCHGRAPH_AGGREGATE_COUNT", "1"), null));
        }
        List<StageSubmitter.Unit> units = new ArrayList<>();
        for (Chunk chunk : chunker.split(count)) {
            units.add(new StageSubmitter.Unit(
                    chunk,
                    String.valueOf(chunk.index()),
                    Map.of(
                            "BATCHGRAPH_AGGREGATE_COUNT", String.valueOf(count),
                            "BATCHGRAPH_INDEX_OFFSET", String.valueOf(chunk.offset())),
                    null));
        }
        return units;
    }

    /** Distinct lines of {@code <stage output>/*.partitions}, sorted. */
    private List<String> readPartitions(String stageName) {
        TreeSet<String> keys = new TreeSet<>();
        for (String uri : store.list(layout.outputUri(stageName) + "/")) {
            if (!uri.endsWith(".partitions")) {
                continue;
            }
            String text = new String(store.get(uri).orElse(new byte[0]), StandardCharsets.UTF_8);
            text.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(keys::add);
        }
        return new ArrayList<>(keys);
    }

    // ---- tracking ---------------------------------------------------------------------------------------

    /** One DescribeJobs per 100 jobs not yet ended; progress events on change only. */
    private boolean poll() {
        List<String> open = new ArrayList<>();
        for (StageState stage : state.stages.values()) {
            if (stage.status == StageStatus.SUBMITTED && !stage.rerunPending) {
                for (JobRecord job : stage.jobs) {
                    if (job.round() != stage.round) {
                        continue; // earlier rounds were judged
                    }
                    JobDetail known = details.get(job.jobId());
                    if (known == null || !known.status().isTerminal()) {
                        open.add(job.jobId());
                    }
                }
            }
        }
        if (open.isEmpty()) {
            return false;
        }
        Map<String, JobDetail> polled = poller.describe(open);
        for (String id : lostJobs.fillIn(open, polled, services.clock().millis())) {
            services.listener().message(lostJobs.describe(id));
        }
        details.putAll(polled);
        String stuck = runnableWatch.observe(polled.values(), services.clock().millis());
        if (stuck != null) {
            services.listener().message(stuck);
        }
        boolean changed = false;
        for (StageSpec stage : state.graph.stages()) {
            StageState stageState = state.stage(stage.name());
            if (stageState.status != StageStatus.SUBMITTED || stageState.rerunPending) {
                continue;
            }
            Map<JobStatus, Integer> counts = countsOf(stageState);
            if (!counts.equals(stageState.counts)) {
                stageState.counts = counts;
                changed = true;
                services.listener()
                        .progress(
                                stage.name(),
                                counts,
                                counts.values().stream()
                                        .mapToLong(Integer::longValue)
                                        .sum());
            }
        }
        return changed;
    }

    private void journalProgress() {
        long now = services.clock().millis();
        if (now - progressJournaledAt >= PROGRESS_JOURNAL_MS) {
            progressJournaledAt = now;
            journal.save(state);
        }
    }

    private Map<JobStatus, Integer> countsOf(StageState stageState) {
        Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
        for (JobStatus status : JobStatus.values()) {
            counts.put(status, 0);
        }
        for (JobRecord job : stageState.jobsOfRound(stageState.round)) {
            JobDetail detail = details.get(job.jobId());
            if (detail == null) {
                counts.merge(JobStatus.SUBMITTED, job.size(), Integer::sum);
            } else if (job.isArray() && !detail.statusSummary().isEmpty()) {
                detail.statusSummary().forEach((status, n) -> counts.merge(status, n, Integer::sum));
            } else {
                counts.merge(detail.status(), job.size(), Integer::sum);
            }
        }
        return counts;
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
            boolean ended = stageState.jobs.stream()
                    .filter(j -> j.round() == stageState.round)
                    .allMatch(j -> {
                        JobDetail d = details.get(j.jobId());
                        return d != null && d.status().isTerminal();
                    });
            if (ended) {
                judgeStage(stage, stageState);
                any = true;
            }
        }
        return any;
    }

    private void judgeStage(StageSpec stage, StageState stageState) {
        StageJudge.RoundOutcome round = judge.judgeRound(stage, stageState, details, manifest());
        stageState.computeSeconds += round.computeSeconds();
        TreeMap<Long, FailedItem> failed = new TreeMap<>();
        if (stageState.round > 0) {
            Set<Long> roundItems = itemsOfRound(stage, stageState);
            // Items retried this round that did not fail again were recovered in this round.
            for (Long item : roundItems) {
                if (!round.failed().containsKey(item)) {
                    stageState.recoveredInRound.put(item, stageState.round);
                }
            }
            // failures a rerun left out of the round (still failed upstream) stand
            stageState.failedItems.forEach((item, failure) -> {
                if (!roundItems.contains(item)) {
                    failed.put(item, failure);
                }
            });
        }
        failed.putAll(round.failed());
        stageState.failedItems = failed;
        if (!round.failed().isEmpty() && stageState.round < stage.retryRounds() && !state.abortRequested) {
            retryFailedItems(stage, stageState);
            return;
        }
        settle(stage, stageState);
    }

    /** The items (a non-array stage: the job positions) that round {@code stageState.round} ran again. */
    private Set<Long> itemsOfRound(StageSpec stage, StageState stageState) {
        if (stage.type() != StageType.ARRAY) {
            return new TreeSet<>(stageState.failedItems.keySet());
        }
        Set<Long> items = new TreeSet<>();
        for (long item : indexMaps.items(layout.retryMapUri(stage.name(), stageState.round))) {
            items.add(item);
        }
        return items;
    }

    /** Ends a judged stage by its failed items: succeeded, unstable within its tolerance, or failed. */
    private void settle(StageSpec stage, StageState stageState) {
        long failures = stageState.failedItems.size();
        long population = stageState.populationSize > 0 ? stageState.populationSize : Math.max(1, state.itemCount);
        if (failures == 0) {
            stageState.status = StageStatus.SUCCEEDED;
        } else if (stage.type() == StageType.ARRAY && StageJudge.tolerated(stage, failures, population)) {
            stageState.status = StageStatus.UNSTABLE;
            stageState.reason = failures + " of " + population + " item(s) failed, within the tolerance";
        } else {
            stageState.status = StageStatus.FAILED;
            stageState.reason = failures + " of " + population
                    + (stage.type() == StageType.ARRAY ? " item(s)" : " job(s)") + " failed";
        }
        stageState.finishedAt = services.clock().millis();
        journal.save(state);
        services.listener().stageFinished(stage.name(), stageState.status.name(), stageState.reason);
    }

    /** Resubmits only the failed items, as a smaller array whose children map back through an index map. */
    private void retryFailedItems(StageSpec stage, StageState stageState) {
        stageState.round++;
        stageState.roundSubmitted = false;
        List<Long> failed = new ArrayList<>(stageState.failedItems.keySet());
        indexMaps.write(layout.retryMapUri(stage.name(), stageState.round), failed);
        services.listener()
                .message("stage " + stage.name() + ": retrying " + failed.size() + " failed item(s), round "
                        + stageState.round + " of " + stage.retryRounds());
        journal.save(state);
        submitRest(stage, stageState);
    }

    /**
     * Submits what the current round still lacks (its next wave, or what an interruption cut short); true if
     * anything was submitted.
     */
    private boolean submitRest(StageSpec stage, StageState stageState) {
        if (stageState.rerunPending) {
            return openRerunRound(stage, stageState);
        }
        int before = stageState.jobs.size();
        boolean retry = stageState.round > 0;
        String map = retry ? layout.retryMapUri(stage.name(), stageState.round) : stageState.populationUri;
        List<StageSubmitter.Unit> units;
        if (retry && stage.type() != StageType.ARRAY && stageState.round == stageState.rerunRound) {
            map = null;
            units = wholeStageUnits(stage, stageState.round);
        } else {
            long size = retry ? indexMaps.items(map).length : map == null ? state.itemCount : stageState.populationSize;
            units = submitter.arrayUnits(stage, size, map, stageState.round);
        }
        stageState.roundSubmitted =
                submitter.submit(stage, stageState, units, stageState.round, map, false, this::ended);
        if (stageState.roundSubmitted || stageState.jobs.size() != before) {
            journal.save(state);
        }
        return stageState.jobs.size() != before;
    }

    /**
     * A stage {@code rerun --failed} reopened, once the stages it depends on have ended: opens its round (journaled
     * before submitting), or, when it has nothing to run, ends it as it stood. True once it did either.
     */
    private boolean openRerunRound(StageSpec stage, StageState stageState) {
        if (!FailedRerun.upstreamEnded(state, stage)) {
            return false;
        }
        stageState.rerunPending = false;
        boolean upstreamUsable = stage.dependsOn().stream()
                .map(d -> state.stage(d.stage()))
                .allMatch(up -> up.status.isUsable() || up.status == StageStatus.SKIPPED && NO_ITEMS.equals(up.reason));
        long count;
        if (stage.type() == StageType.ARRAY) {
            TreeSet<Long> items = upstreamUsable
                    ? FailedRerun.itemsToRun(state, stage, uri -> indexMaps.items(uri))
                    : new TreeSet<>();
            if (!items.isEmpty()) {
                openArrayRound(stage, stageState, items);
            }
            count = items.size();
        } else {
            count = upstreamUsable && FailedRerun.rerunsWhole(state, stage) ? 1 : 0;
            if (count > 0) {
                stageState.round++;
                stageState.failedOutsideRound = 0;
            }
        }
        if (count == 0) {
            services.listener()
                    .message("stage " + stage.name() + ": nothing to rerun"
                            + (upstreamUsable ? "" : " (a stage it depends on did not succeed)"));
            settle(stage, stageState);
            return true;
        }
        stageState.rerunRound = stageState.round;
        stageState.counts = new EnumMap<>(JobStatus.class);
        stageState.submittedAt = services.clock().millis();
        services.listener()
                .message("stage " + stage.name() + ": rerunning "
                        + (stage.type() == StageType.ARRAY ? count + " item(s)" : "the whole stage") + ", round "
                        + stageState.round);
        journal.save(state);
        submitRest(stage, stageState);
        return true;
    }

    /** The rerun round's index map, and the items the stage never had added to its population. */
    private void openArrayRound(StageSpec stage, StageState stageState, TreeSet<Long> items) {
        stageState.round++;
        stageState.failedOutsideRound = stageState.failedItems.keySet().stream()
                .filter(i -> !items.contains(i))
                .count();
        if (stageState.populationUri != null) {
            TreeSet<Long> population = new TreeSet<>();
            for (long item : indexMaps.items(stageState.populationUri)) {
                population.add(item);
            }
            if (population.addAll(items)) {
                stageState.populationUri = indexMaps.write(
                        layout.stageUri(stage.name()) + "/population-r" + stageState.round + ".json",
                        new ArrayList<>(population));
                stageState.populationSize = population.size();
            }
        }
        indexMaps.write(layout.retryMapUri(stage.name(), stageState.round), new ArrayList<>(items));
    }

    /** Every job of a non-array stage again, named for the round. */
    private List<StageSubmitter.Unit> wholeStageUnits(StageSpec stage, int round) {
        return nonArrayUnits(stage).stream()
                .map(u -> new StageSubmitter.Unit(u.chunk(), u.part() + "-r" + round, u.env(), u.partition()))
                .toList();
    }

    private boolean ended(String jobId) {
        JobDetail detail = details.get(jobId);
        return detail != null && detail.status().isTerminal();
    }

    private Manifest manifest() {
        if (manifest == null) {
            manifest = Planner.readManifest(layout, store, services.json())
                    .orElse(new Manifest(
                            state.runId,
                            state.name,
                            state.itemCount,
                            null,
                            layout.itemsUri(),
                            List.of(),
                            0,
                            state.itemLayout));
        }
        return manifest;
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
