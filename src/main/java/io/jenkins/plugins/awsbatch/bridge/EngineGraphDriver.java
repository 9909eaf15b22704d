package io.jenkins.plugins.awsbatch.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.action.FailedItemRecord;
import io.jenkins.plugins.awsbatch.action.GraphRecord;
import io.jenkins.plugins.awsbatch.action.StageRecord;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphError;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.graph.JobDefinitionSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageDependency;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.plan.Chunk;
import io.jenkins.plugins.awsbatch.engine.plan.Chunker;
import io.jenkins.plugins.awsbatch.engine.report.GraphSvg;
import io.jenkins.plugins.awsbatch.engine.report.RunReport;
import io.jenkins.plugins.awsbatch.engine.run.CleanupReport;
import io.jenkins.plugins.awsbatch.engine.run.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.FailureDigest;
import io.jenkins.plugins.awsbatch.engine.run.GraphRunner;
import io.jenkins.plugins.awsbatch.engine.run.JobNames;
import io.jenkins.plugins.awsbatch.engine.run.JobRecord;
import io.jenkins.plugins.awsbatch.engine.run.Json;
import io.jenkins.plugins.awsbatch.engine.run.RunCleaner;
import io.jenkins.plugins.awsbatch.engine.run.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.RunServices;
import io.jenkins.plugins.awsbatch.engine.run.RunState;
import io.jenkins.plugins.awsbatch.engine.run.StageState;
import io.jenkins.plugins.awsbatch.engine.run.StageStatus;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import io.jenkins.plugins.awsbatch.exec.DriverContext;
import io.jenkins.plugins.awsbatch.exec.GraphDriver;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import io.jenkins.plugins.awsbatch.exec.Journal;
import io.jenkins.plugins.awsbatch.exec.JournalSink;
import io.jenkins.plugins.awsbatch.exec.Outcome;
import io.jenkins.plugins.awsbatch.exec.PollReport;
import io.jenkins.plugins.awsbatch.exec.Settings;
import io.jenkins.plugins.awsbatch.exec.StepKind;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Adapts the engine's {@link GraphRunner} to {@link GraphDriver}, per step:
 * <ul>
 * <li>PLAN: {@link GraphRunner#plan} (items and manifest written, a run journaled with no stage);</li>
 * <li>FAN_OUT / AGGREGATE: {@link GraphRunner#extend} of the run the previous step returned, reloaded from
 * the run's {@code state.json} in its store (or from the state persisted with this step);</li>
 * <li>CLEANUP: {@link RunCleaner} directly, or a cleanup stage added with {@code extend} (a Batch job);</li>
 * <li>RUN: {@link GraphRunner#start} of a {@code batchgraph.yaml} from the workspace or inline.</li>
 * </ul>
 * Every SubmitJob is journaled by the engine, then recorded in the step's {@link Journal} with the engine's
 * state, then saved through the {@link JournalSink}, before the next call. A driver re-created after a restart
 * finds the run by its id and store and {@link GraphRunner#resume resumes} it: nothing is submitted twice.
 */
final class EngineGraphDriver implements GraphDriver {
    private static final ObjectMapper JSON = Json.mapper();
    private static final int DIGEST_ITEMS = 10;
    private static final Pattern STAGE_PATH = Pattern.compile("^stages\\[(\\d+)]");
    /** Keys of the step's return map that say where the run is (kept across restarts in the journal). */
    private static final String RUN_ID = "runId";

    private static final String STORE = "store";

    private final GraphRequest request;
    private final DriverContext context;
    private final Settings settings;
    private final StepKind kind;
    private final List<String> lines = new ArrayList<>();
    private final Listener listener = new Listener();
    private final FailureEvents failureEvents;

    private RunEngine engine;
    private LocalEngines.Lease lease;
    private GraphRunner runner;
    /** The run as this step last saw it (the runner's state, or the plan's / cleanup's). */
    private RunState state;
    /** Stages this step added to the run (FAN_OUT, AGGREGATE, CLEANUP as a job). */
    private final Set<String> ownStages = new LinkedHashSet<>();
    /** Set when the step finished without a runner (PLAN, direct CLEANUP). */
    private PollReport finished;

    private volatile Journal activeJournal;
    private volatile JournalSink activeSink;

    EngineGraphDriver(GraphRequest request, DriverContext context, FailureEvents failureEvents) {
        this.failureEvents = failureEvents;
        this.request = request;
        this.context = context;
        this.settings = request.effectiveSettings(context.getEnvironment());
        this.kind = request.getKind();
    }

    // ---- GraphDriver ---------------------------------------------------------------------------------------

    @Override
    public void submit(Journal journal, JournalSink sink) throws Exception {
        activeJournal = journal;
        activeSink = sink;
        try {
            JUnitResults.checkPath(request);
            switch (kind) {
                case PLAN -> submitPlan(journal, sink);
                case FAN_OUT, AGGREGATE -> submitExtension(journal, sink);
                case CLEANUP -> submitCleanup(journal, sink);
                case RUN -> submitRun(journal, sink);
                default -> throw new IllegalStateException("unknown step " + kind);
            }
            if (runner != null) {
                runner.step(); // submits what is released now (each job journaled and saved before the next)
            }
        } catch (GraphValidationException e) {
            throw inputError(e);
        } catch (SinkFailure e) {
            throw e.cause;
        } finally {
            flush();
        }
    }

    @Override
    public PollReport poll(Journal journal, JournalSink sink) throws Exception {
        activeJournal = journal;
        activeSink = sink;
        if (finished != null) {
            return finished;
        }
        if (runner == null) {
            // a new driver after a restart while tracking
            try {
                resumeFromJournal(journal);
            } catch (GraphValidationException e) {
                throw inputError(e); // a stage not submitted yet names a queue or definition Batch does not have
            }
            if (finished != null) {
                return finished;
            }
        }
        boolean done;
        try {
            done = runner.step();
        } catch (SinkFailure e) {
            throw e.cause;
        } catch (GraphValidationException e) {
            throw inputError(e);
        }
        state = runner.state();
        journal.setEngineState(JSON.writeValueAsString(state));
        RunResult result = runner.result();
        List<String> out = drain();
        GraphRecord record = record(state, result);
        Map<String, Object> returned = resultMap(state, result);
        journal.putResult(Map.of(RUN_ID, state.runId, STORE, state.storeUri));
        if (!done) {
            return PollReport.running(statusLine(state), out, record, returned)
                    .withDelayHint(runner.nextDelay().toMillis());
        }
        Outcome outcome = Outcome.valueOf(result.outcome().name());
        String summary = null;
        if (outcome != Outcome.SUCCEEDED) {
            summary = FailureDigest.oneLine(result);
            out.addAll(new FailureDigest(DIGEST_ITEMS).lines(result));
        }
        out.addAll(DriverNotifications.send(request, context, settings, state, result, engine));
        out.addAll(JUnitResults.write(request, context, state, services().stores()));
        return PollReport.done(outcome, statusLine(state), out, summary, returned, record);
    }

    @Override
    public int terminateAll(Journal journal, String reason) throws Exception {
        activeJournal = journal;
        try {
            if (runner == null && journal.getRunId() != null) {
                try {
                    resumeFromJournal(journal);
                } catch (GraphInputException e) {
                    return 0;
                }
            }
            if (runner == null) {
                return 0;
            }
            int open = 0;
            for (StageState stage : runner.state().stages.values()) {
                if (!stage.status.isFinished()) {
                    open += stage.jobs.size();
                }
            }
            runner.abort(reason);
            state = runner.state();
            journal.setEngineState(JSON.writeValueAsString(state));
            return open;
        } finally {
            flush();
        }
    }

    @Override
    public void close() {
        if (lease != null) {
            LocalEngines.Lease l = lease;
            lease = null;
            l.release(runEnded());
        } else if (engine != null) {
            RunEngine e = engine;
            engine = null;
            e.close();
        }
    }

    private boolean runEnded() {
        RunState s = runner != null ? runner.state() : state;
        return s == null || s.outcome != null || s.stages.values().stream().allMatch(st -> st.status.isFinished());
    }

    // ---- PLAN ----------------------------------------------------------------------------------------------

    private void submitPlan(Journal journal, JournalSink sink) throws Exception {
        Map<String, Object> args = request.getArguments();
        String engineName = engineFor(null);
        String name = string(args.get("name"));
        if (name == null) {
            name = defaultName();
        }
        String store = storeFor(engineName);
        Map<String, Object> graphMap = new LinkedHashMap<>();
        graphMap.put("name", name);
        graphMap.put("engine", engineName);
        putIfSet(graphMap, "store", store);
        putIfSet(graphMap, "region", settings.getRegion());
        putIfSet(graphMap, "queue", settings.getQueue());
        graphMap.put("plan", Map.of("items", itemSource(args.get("items"))));
        GraphSpec graph = bind(graphMap, "plan.items", "items");

        String runId = journal.getRunId();
        boolean resumed = runId != null;
        if (runId == null) {
            runId = string(args.get("runId"));
            if (runId == null) {
                runId = JobNames.newRunId(graph.name(), Clock.systemUTC().instant());
            }
            journal.setRunId(runId);
            journal.setGraphName(graph.name());
            String storeUri = canonicalStore(graph.storeOrDefault());
            journal.putResult(Map.of(RUN_ID, runId, STORE, storeUri));
            sink.persisted(); // the run id is known before anything is written
        }
        Path baseDir = planBaseDir(graph);
        graph = WorkspaceItems.fetch(graph, null, context.getWorkspace(), inputsDir(), "items.file", !resumed);
        openEngine(graph, runId, baseDir);
        RunServices services = services();
        if (resumed) {
            Optional<RunState> existing = load(services.stores(), canonicalStore(graph.storeOrDefault()), runId);
            if (existing.isPresent() && existing.get().outcome != null) {
                state = existing.get();
                finishPlan(journal);
                return;
            }
            if (existing.isPresent()) {
                throw new GraphInputException("run " + runId + " was being planned when Jenkins stopped; plan it "
                        + "again with another runId");
            }
        }
        state = GraphRunner.plan(services, graph, baseDir, runId);
        finishPlan(journal);
    }

    private void finishPlan(Journal journal) throws IOException {
        journal.setEngineState(JSON.writeValueAsString(state));
        Map<String, Object> result = resultMap(state, null);
        journal.putResult(result);
        finished = PollReport.done(
                Outcome.SUCCEEDED,
                "planned " + state.itemCount + " item(s) as run " + state.runId,
                drain(),
                null,
                result,
                record(state, null));
    }

    /** {@code ['a', 'b']}, {@code [list: [...]]}, {@code [file: 'x.csv', key: 'id']} or {@code [s3: 's3://b/p/']}. */
    private static Object itemSource(Object items) throws GraphInputException {
        if (items instanceof List) {
            return Map.of("list", items);
        }
        if (items instanceof Map) {
            return items;
        }
        throw new GraphInputException("items: expected a list (['a', 'b']) or a map ([file: 'items.csv'], "
                + "[s3: 's3://bucket/prefix/']), got "
                + (items == null ? "nothing" : "a " + items.getClass().getSimpleName()));
    }

    /** Where the local engine's jobs start: the workspace when it is on this machine, else the build's folder. */
    private Path planBaseDir(GraphSpec graph) throws IOException, InterruptedException {
        String file = graph.plan() == null || graph.plan().items() == null
                ? null
                : graph.plan().items().file();
        File local = file == null ? null : context.getWorkspace().localDirectory();
        return local != null ? local.toPath() : buildDirPath();
    }

    /** Where items files of the workspace are copied to. */
    private File inputsDir() {
        return new File(buildDirOrTemp(), WorkspaceItems.INPUTS);
    }

    // ---- FAN_OUT, AGGREGATE ---------------------------------------------------------------------------------

    private void submitExtension(Journal journal, JournalSink sink) throws Exception {
        Map<String, Object> args = request.getArguments();
        Map<String, Object> previous =
                map(args.get(kind == StepKind.FAN_OUT ? "plan" : "after"), kind == StepKind.FAN_OUT ? "plan" : "after");
        String runId = journal.getRunId() != null ? journal.getRunId() : string(previous.get(RUN_ID));
        if (runId == null) {
            throw new GraphInputException((kind == StepKind.FAN_OUT ? "plan" : "after")
                    + ".runId: missing; pass what awsBatchPlan" + (kind == StepKind.FAN_OUT ? "" : " or awsBatchFanOut")
                    + " returned");
        }
        String storeUri = storeOf(journal, previous);
        RunState prior = loadForStep(journal, runId, storeUri);
        Map<String, JobDefinitionSpec> definitions = new LinkedHashMap<>();
        List<StageSpec> stages = kind == StepKind.FAN_OUT
                ? fanOutStages(args, prior, definitions)
                : List.of(aggregateStage(args, previous, prior, definitions));
        stages.forEach(s -> ownStages.add(s.name()));
        extendOrResume(journal, sink, prior, stages, definitions);
    }

    private List<StageSpec> fanOutStages(
            Map<String, Object> args, RunState prior, Map<String, JobDefinitionSpec> definitions)
            throws GraphInputException {
        Object raw = args.get("stages");
        if (!(raw instanceof List) || ((List<?>) raw).isEmpty()) {
            throw new GraphInputException(
                    "stages: expected a list of stage maps such as [[name: 'score', " + "jobDefinition: 'score:1']]");
        }
        List<?> list = (List<?>) raw;
        List<StageSpec> stages = new ArrayList<>();
        GraphBinder binder = new GraphBinder();
        String previousName = null;
        boolean previousDrops = false;
        for (int i = 0; i < list.size(); i++) {
            String path = "stages[" + i + "]";
            Map<String, Object> stage = new LinkedHashMap<>(map(list.get(i), path));
            stage.putIfAbsent("type", "array");
            putDefault(stage, "toleratedFailurePercent", args.get("toleratedFailurePercent"));
            if (!stage.containsKey("toleratedFailurePercent")) {
                putDefault(stage, "toleratedFailureCount", args.get("toleratedFailureCount"));
            }
            putDefault(stage, "retryFailedItems", args.get("retryFailedItems"));
            putDefault(stage, "maxConcurrency", args.get("maxConcurrency"));
            putDefault(stage, "queue", settings.getQueue());
            boolean array = "array".equalsIgnoreCase(String.valueOf(stage.get("type")));
            if (!stage.containsKey("dependsOn") && previousName != null) {
                // each later stage N_TO_N on the one before (the whole stage when it may drop failed items)
                stage.put(
                        "dependsOn",
                        List.of(
                                array && !previousDrops
                                        ? Map.of("stage", previousName, "type", "N_TO_N")
                                        : Map.of("stage", previousName)));
            }
            StageSpec spec = binder.stageFromMap(stage, path);
            spec = localDefinition(spec, prior, definitions, path);
            stages.add(spec);
            previousName = spec.name();
            previousDrops = spec.toleratesFailures() || spec.retryRounds() > 0;
        }
        return withConcurrencyResources(prior, stages);
    }

    private StageSpec aggregateStage(
            Map<String, Object> args,
            Map<String, Object> after,
            RunState prior,
            Map<String, JobDefinitionSpec> definitions)
            throws GraphInputException {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("name", args.get("name") == null ? "aggregate" : args.get("name"));
        stage.put("type", "aggregate");
        putIfSet(stage, "jobDefinition", args.get("jobDefinition"));
        putIfSet(stage, "count", args.get("count"));
        putIfSet(stage, "command", args.get("command"));
        putIfSet(stage, "environment", args.get("environment"));
        putIfSet(stage, "queue", settings.getQueue());
        List<Object> dependsOn = new ArrayList<>();
        for (String upstream : upstreamStages(after, prior)) {
            dependsOn.add(upstream);
        }
        if (!dependsOn.isEmpty()) {
            stage.put("dependsOn", dependsOn);
        }
        StageSpec spec = new GraphBinder().stageFromMap(stage, "");
        return localDefinition(spec, prior, definitions, "");
    }

    /** The stages {@code after} names (what awsBatchFanOut returned), else every stage of the run so far. */
    private static List<String> upstreamStages(Map<String, Object> after, RunState prior) {
        List<String> names = new ArrayList<>();
        if (after.get("stages") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m
                        && m.get("name") != null
                        && prior.stages.containsKey(String.valueOf(m.get("name")))) {
                    names.add(String.valueOf(m.get("name")));
                }
            }
        }
        if (names.isEmpty()) {
            prior.graph.stages().stream()
                    .filter(s -> s.type() != StageType.CLEANUP)
                    .forEach(s -> names.add(s.name()));
        }
        return names;
    }

    /**
     * On the local engine a stage's definition says which command runs; the steps have no
     * {@code jobDefinitions:} block, so a stage's {@code command} defines its definition when the run has none
     * of that name.
     */
    private StageSpec localDefinition(
            StageSpec spec, RunState prior, Map<String, JobDefinitionSpec> definitions, String path)
            throws GraphInputException {
        if (!"local".equals(prior.engine) || spec.jobDefinition() == null) {
            return spec;
        }
        String base = spec.jobDefinition().replaceFirst(":\\d+$", "");
        if (prior.graph.jobDefinitions().containsKey(base) || definitions.containsKey(base)) {
            return spec;
        }
        if (spec.command() == null || spec.command().isEmpty()) {
            throw new GraphInputException(prefixed(path, "command") + ": the local engine runs a command; add "
                    + "command: ['sh', '-c', '...'] to define '" + base + "'");
        }
        definitions.put(base, new JobDefinitionSpec(spec.command(), Map.of(), Map.of(), null, null, null, null, null));
        return spec.jobDefinition().equals(base)
                ? spec
                : spec.toBuilder().jobDefinition(base).build();
    }

    private static List<StageSpec> withConcurrencyResources(RunState prior, List<StageSpec> stages) {
        if (!"local".equals(prior.engine)) {
            return stages;
        }
        return EngineFactory.withLocalConcurrencyResources(prior.graph.withStages(stages))
                .stages();
    }

    private void extendOrResume(
            Journal journal,
            JournalSink sink,
            RunState prior,
            List<StageSpec> stages,
            Map<String, JobDefinitionSpec> definitions)
            throws Exception {
        boolean alreadyExtended = stages.stream().allMatch(s -> prior.stages.containsKey(s.name()));
        List<StageSpec> all = new ArrayList<>(prior.graph.stages());
        if (!alreadyExtended) {
            all.addAll(stages);
        }
        Map<String, JobDefinitionSpec> allDefinitions = new LinkedHashMap<>(prior.graph.jobDefinitions());
        allDefinitions.putAll(definitions);
        GraphSpec g = prior.graph;
        GraphSpec combined = new GraphSpec(
                g.name(),
                prior.engine,
                g.region(),
                prior.storeUri,
                g.queue(),
                g.mode(),
                g.plan(),
                allDefinitions,
                all,
                g.notifications(),
                g.barrierJobDefinition());
        openEngine(combined, prior.runId, prior.baseDir == null ? buildDirPath() : Path.of(prior.baseDir));
        if (alreadyExtended) {
            runner = GraphRunner.resume(services(), prior);
        } else {
            try {
                runner = GraphRunner.extend(services(), prior, stages, definitions);
            } catch (GraphValidationException e) {
                throw inputError(e, prior.graph.stages().size());
            }
        }
        state = runner.state();
        journal.setRunId(state.runId);
        journal.setGraphName(state.name);
        journal.setEngineState(JSON.writeValueAsString(state));
        journal.putResult(Map.of(RUN_ID, state.runId, STORE, state.storeUri));
        sink.persisted();
    }

    // ---- CLEANUP -------------------------------------------------------------------------------------------

    private void submitCleanup(Journal journal, JournalSink sink) throws Exception {
        Map<String, Object> args = request.getArguments();
        Map<String, Object> plan = args.get("plan") == null ? Map.of() : map(args.get("plan"), "plan");
        String runId = journal.getRunId() != null
                ? journal.getRunId()
                : string(args.get(RUN_ID)) != null ? string(args.get(RUN_ID)) : string(plan.get(RUN_ID));
        if (runId == null) {
            throw new GraphInputException(
                    "plan or runId: say which run to clean up (plan: what awsBatchPlan " + "returned, or runId: 'ID')");
        }
        String storeUri = storeOf(journal, plan);
        RunState prior = loadForStep(journal, runId, storeUri);
        String jobDefinition = string(args.get("jobDefinition"));
        if (jobDefinition == null) {
            openEngine(
                    prior.graph.withStore(prior.storeUri),
                    prior.runId,
                    prior.baseDir == null ? buildDirPath() : Path.of(prior.baseDir));
            CleanupReport report = new RunCleaner(services().stores()).clean(prior);
            prior.cleanup = report;
            new RunJournal(services().stores().forUri(prior.storeUri), JSON).save(prior);
            state = prior;
            journal.setRunId(runId);
            journal.setEngineState(JSON.writeValueAsString(prior));
            Map<String, Object> result = resultMap(prior, null);
            result.put("deletedObjects", report.deletedObjects());
            result.put("deletedPrefixes", new ArrayList<>(report.deletedPrefixes()));
            result.put("kept", new ArrayList<>(report.kept()));
            lines.add("cleanup of run " + runId + ": deleted " + report.deletedObjects() + " object(s) under "
                    + report.deletedPrefixes() + "; kept " + report.kept());
            if (report.error() != null) {
                finished = PollReport.done(
                        Outcome.FAILED,
                        "cleanup failed",
                        drain(),
                        "cleanup of run " + runId + " failed: " + report.error(),
                        result,
                        null);
            } else {
                finished = PollReport.done(Outcome.SUCCEEDED, "cleaned up run " + runId, drain(), null, result, null);
            }
            return;
        }
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put(
                "name",
                prior.stages.containsKey("cleanup") && !journalHas(journal, "cleanup") ? "cleanup-job" : "cleanup");
        stage.put("type", "cleanup");
        stage.put("jobDefinition", jobDefinition);
        putIfSet(stage, "queue", settings.getQueue());
        Map<String, JobDefinitionSpec> definitions = new LinkedHashMap<>();
        StageSpec spec = localDefinition(new GraphBinder().stageFromMap(stage, ""), prior, definitions, "");
        ownStages.add(spec.name());
        extendOrResume(journal, sink, prior, List.of(spec), definitions);
    }

    private static boolean journalHas(Journal journal, String stage) {
        return journal.getEntries().stream().anyMatch(e -> e.getStage().equals(stage));
    }

    // ---- RUN -----------------------------------------------------------------------------------------------

    private void submitRun(Journal journal, JournalSink sink) throws Exception {
        Map<String, Object> args = request.getArguments();
        String file = string(args.get("file"));
        String text = string(args.get("text"));
        if ((file == null) == (text == null)) {
            throw new GraphInputException("file or text: give exactly one (file: 'batchgraph.yaml' from the "
                    + "workspace, or text: the YAML itself)");
        }
        Path baseDir = buildDirPath();
        if (file != null) {
            text = context.getWorkspace().read(WorkspaceItems.requireInside(file, "file"));
            if (text == null) {
                throw new GraphInputException("file: '" + file + "' is read from the workspace; run awsBatchRun inside "
                        + "node { }, or pass text:");
            }
            File local = context.getWorkspace().localDirectory();
            File parent = local == null ? null : new File(local, file).getParentFile();
            baseDir = parent != null ? parent.toPath() : baseDir;
        }
        @SuppressWarnings("unchecked")
        List<String> overrides =
                args.get("overrides") instanceof List ? (List<String>) args.get("overrides") : List.of();
        GraphSpec graph = new GraphBinder().parse(text, overrides);
        graph = WorkspaceItems.fetch(
                graph,
                WorkspaceItems.folderOf(file),
                context.getWorkspace(),
                inputsDir(),
                "plan.items.file",
                journal.getRunId() == null);
        String explicit = request.getSettings().getEngineOrNull();
        String engineName = explicit != null
                ? explicit
                : graph.engine() != null
                        ? graph.engine()
                        : request.getDefaults().getEngineOrNull() != null
                                ? request.getDefaults().getEngineOrNull()
                                : graph.engineOrDefault();
        graph = graph.withEngine(engineName);
        if (request.getSettings().getStore() != null) {
            graph = graph.withStore(request.getSettings().getStore());
        } else if (graph.store() == null) {
            String store = storeFor(engineName);
            if (store != null) {
                graph = graph.withStore(store);
            }
        }
        if (graph.region() == null && settings.getRegion() != null) {
            graph = new GraphSpec(
                    graph.name(),
                    graph.engine(),
                    settings.getRegion(),
                    graph.store(),
                    graph.queue(),
                    graph.mode(),
                    graph.plan(),
                    graph.jobDefinitions(),
                    graph.stages(),
                    graph.notifications(),
                    graph.barrierJobDefinition());
        }
        if (graph.queue() == null && settings.getQueue() != null) {
            graph = new GraphSpec(
                    graph.name(),
                    graph.engine(),
                    graph.region(),
                    graph.store(),
                    settings.getQueue(),
                    graph.mode(),
                    graph.plan(),
                    graph.jobDefinitions(),
                    graph.stages(),
                    graph.notifications(),
                    graph.barrierJobDefinition());
        }
        if ("local".equals(engineName)) {
            graph = EngineFactory.withLocalConcurrencyResources(graph);
        }
        String storeUri = canonicalStore(graph.storeOrDefault());
        String runId = journal.getRunId();
        if (runId != null) {
            openEngine(graph, runId, baseDir);
            Optional<RunState> existing = load(services().stores(), storeUri, runId);
            if (existing.isPresent()) {
                runner = GraphRunner.resume(services(), existing.get());
                state = runner.state();
                return;
            }
        } else {
            new io.jenkins.plugins.awsbatch.engine.graph.GraphValidator().requireValid(graph);
            runId = string(args.get(RUN_ID));
            if (runId == null) {
                runId = JobNames.newRunId(graph.name(), Clock.systemUTC().instant());
            }
            journal.setRunId(runId);
            journal.setGraphName(graph.name());
            journal.putResult(Map.of(RUN_ID, runId, STORE, storeUri));
            sink.persisted();
            openEngine(graph, runId, baseDir);
        }
        runner = GraphRunner.start(services(), graph, baseDir, runId);
        state = runner.state();
        journal.setEngineState(JSON.writeValueAsString(state));
        sink.persisted();
        failureEvents.runStarted(request, graph, engine, listener);
    }

    // ---- resume --------------------------------------------------------------------------------------------

    /** A driver opened after a restart, while tracking: the run comes back from its store (or the journal). */
    private void resumeFromJournal(Journal journal) throws Exception {
        String runId = journal.getRunId();
        Map<String, Object> saved = journal.getResult();
        String storeUri = string(saved.get(STORE));
        RunState prior = loadForStep(journal, runId, storeUri);
        if (kind == StepKind.PLAN
                || kind == StepKind.CLEANUP && string(request.getArguments().get("jobDefinition")) == null) {
            state = prior;
            Map<String, Object> result = resultMap(prior, null);
            finished = PollReport.done(Outcome.SUCCEEDED, "run " + runId, drain(), null, result, record(prior, null));
            return;
        }
        openEngine(
                prior.graph.withEngine(prior.engine).withStore(prior.storeUri),
                runId,
                prior.baseDir == null ? buildDirPath() : Path.of(prior.baseDir));
        runner = GraphRunner.resume(services(), prior);
        state = runner.state();
    }

    private String storeOf(Journal journal, Map<String, Object> previous) {
        String saved = string(journal.getResult().get(STORE));
        if (saved != null) {
            return saved;
        }
        String fromPrevious = string(previous.get(STORE));
        if (fromPrevious != null) {
            return fromPrevious;
        }
        String fromSettings = storeFor(engineFor(null));
        return canonicalStore(fromSettings != null ? fromSettings : GraphSpec.DEFAULT_STORE);
    }

    /**
     * The run's state: from its {@code state.json} in the store (always the latest), else from what this step
     * persisted.
     */
    private RunState loadForStep(Journal journal, String runId, String storeUri) throws Exception {
        request.checkControllerAccess(null, storeUri);
        Optional<RunState> fromStore = Optional.empty();
        try {
            StoreResolver stores = storeUri.startsWith("s3://") ? awsStores(storeUri) : StoreResolver.localOnly();
            fromStore = load(stores, storeUri, runId);
        } catch (RuntimeException e) {
            lines.add("could not read the state of run " + runId + " from " + storeUri + ": " + e.getMessage());
        }
        if (fromStore.isPresent()) {
            return fromStore.get();
        }
        if (journal.getEngineState() != null) {
            return JSON.readValue(journal.getEngineState(), RunState.class);
        }
        throw new GraphInputException("run " + runId + ": no run state at " + new RunLayout(storeUri, runId).stateUri()
                + "; pass what awsBatchPlan returned (runId and store)");
    }

    private StoreResolver awsStores(String storeUri) throws GraphInputException {
        GraphSpec minimal = new GraphSpec(
                "batchgraph", "aws", settings.getRegion(), storeUri, null, null, null, null, null, null, null);
        openEngine(minimal, "lookup", null);
        return services().stores();
    }

    private static Optional<RunState> load(StoreResolver stores, String storeUri, String runId) {
        return new RunJournal(stores.forUri(storeUri), JSON).load(new RunLayout(storeUri, runId));
    }

    // ---- engine --------------------------------------------------------------------------------------------

    private void openEngine(GraphSpec graph, String runId, Path baseDir) throws GraphInputException {
        String engineName = graph.engineOrDefault();
        request.checkControllerAccess(engineName, canonicalStore(graph.storeOrDefault()));
        if (engine != null) {
            if (lease == null || !"local".equals(engineName)) {
                return; // AWS clients do not depend on the graph
            }
            close(); // a local engine opened for another run folder (not expected): reopen for this one
        }
        EngineOptions options = options(engineName, graph);
        EngineFactory factory = new EngineFactory(Clock.systemUTC());
        if ("local".equals(engineName)) {
            String storeUri = canonicalStore(graph.storeOrDefault());
            GraphSpec located = graph.withStore(storeUri);
            String key = LocalObjectStore.toPath(new RunLayout(storeUri, runId).runUri())
                    .toAbsolutePath()
                    .normalize()
                    .toString();
            lease = LocalEngines.acquire(
                    key, located, () -> factory.create(located, runId, baseDir, options, RunListener.NONE));
            engine = lease.engine();
        } else {
            engine = factory.create(graph, runId, baseDir, options, listener);
        }
    }

    private RunServices services() {
        return engine.services().withListener(listener);
    }

    private EngineOptions options(String engineName, GraphSpec graph) {
        if ("local".equals(engineName)) {
            return new EngineOptions("local", null, null, null, null, null);
        }
        String region = settings.getRegion() != null ? settings.getRegion() : graph.region();
        // withAWS(profile:) sets AWS_PROFILE: the region of that profile, when nothing else names one
        String profile = Settings.blankToNull(context.getEnvironment().get("AWS_PROFILE"));
        return new EngineOptions(
                "aws", region, settings.getEndpointUrl(), profile, credentials(), null, context.getProxy());
    }

    /** The resolved Jenkins credentials (never printed), with the role assumed on top when one is set. */
    private CredentialsSpec credentials() {
        Object resolved = context.getCredentials();
        CredentialsSpec base = resolved instanceof AwsCredentialsProvider provider
                ? new CredentialsSpec.Provided(
                        provider,
                        settings.getCredentialsId() != null
                                ? "Jenkins credentials '" + settings.getCredentialsId() + "'"
                                : "credentials of the build")
                : null;
        if (settings.getRoleArn() == null) {
            return base;
        }
        return new CredentialsSpec.AssumeRole(
                base != null ? base : CredentialsSpec.defaultChain(),
                settings.getRoleArn(),
                settings.getExternalId(),
                "jenkins-batchgraph",
                null);
    }

    /** The step's engine, then the run's, then the global configuration's; {@code aws} when nothing says. */
    private String engineFor(RunState prior) {
        String explicit = request.getSettings().getEngineOrNull();
        if (explicit != null) {
            return explicit;
        }
        if (prior != null && prior.engine != null) {
            return prior.engine;
        }
        String global = request.getDefaults().getEngineOrNull();
        return global != null ? global : "aws";
    }

    /** The configured store; on the local engine without one, a folder of the build. */
    private String storeFor(String engineName) {
        if (settings.getStore() != null) {
            return settings.getStore();
        }
        if ("local".equals(engineName) && context.getBuildDir() != null) {
            return LocalObjectStore.toUri(
                    context.getBuildDir().toPath().toAbsolutePath().resolve("batchgraph"));
        }
        return null;
    }

    private static String canonicalStore(String store) {
        return store.startsWith("file:") ? LocalObjectStore.canonical(store) : store;
    }

    private Path buildDirPath() {
        return context.getBuildDir() == null
                ? null
                : context.getBuildDir().toPath().toAbsolutePath();
    }

    private File buildDirOrTemp() {
        return context.getBuildDir() != null ? context.getBuildDir() : new File(System.getProperty("java.io.tmpdir"));
    }

    private String defaultName() {
        String id = context.getBuildId();
        String job = id == null ? "batchgraph" : id.replaceFirst("#.*$", "");
        String cleaned =
                job.replaceAll("[^A-Za-z0-9_-]", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
        if (cleaned.isEmpty()) {
            cleaned = "batchgraph";
        }
        return cleaned.length() <= 40 ? cleaned : cleaned.substring(cleaned.length() - 40);
    }

    // ---- reports -------------------------------------------------------------------------------------------

    /** What the step returns: plain maps, lists, strings and numbers only. */
    private Map<String, Object> resultMap(RunState s, RunResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(RUN_ID, s.runId);
        m.put("name", s.name);
        m.put("engine", s.engine);
        m.put("itemCount", s.itemCount);
        m.put(STORE, s.storeUri);
        m.put("runUri", s.runUri);
        m.put("itemsUri", new RunLayout(s.storeUri, s.runId).itemsUri());
        List<Object> chunks = new ArrayList<>();
        for (Chunk c : new Chunker().split(Math.max(0, s.itemCount))) {
            chunks.add(new LinkedHashMap<>(Map.of("index", c.index(), "offset", c.offset(), "size", c.size())));
        }
        m.put("chunks", chunks);
        List<Object> stages = new ArrayList<>();
        Map<String, Object> jobIds = new LinkedHashMap<>();
        for (StageSpec spec : s.graph.stages()) {
            StageState st = s.stage(spec.name());
            if (st == null) {
                continue;
            }
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("name", spec.name());
            stage.put("type", spec.type().name().toLowerCase(Locale.ROOT));
            stage.put("status", st.status.name());
            if (st.reason != null) {
                stage.put("reason", st.reason);
            }
            stage.put("jobIds", new ArrayList<>(st.jobIds()));
            stage.put("counts", counts(st.counts));
            stage.put("failedCount", (long) st.failedItems.size());
            List<Object> failed = new ArrayList<>();
            for (FailedItem item : FailedItemCap.first(st.failedItems.values())) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("index", item.index());
                putIfSet(f, "key", item.key());
                putIfSet(f, "exitCode", item.exitCode());
                putIfSet(f, "statusReason", item.statusReason());
                failed.add(f);
            }
            stage.put("failedItems", failed);
            FailedItemCap.noteOmitted(stage, st.failedItems.size(), s.runUri);
            stages.add(stage);
            jobIds.put(spec.name(), new ArrayList<>(st.jobIds()));
        }
        m.put("stages", stages);
        m.put("jobIds", jobIds);
        if (result != null) {
            m.put("calls", new LinkedHashMap<>(result.calls()));
        }
        if (s.outcome != null && (kind == StepKind.PLAN || runner == null)) {
            m.put("runOutcome", s.outcome.name());
        }
        return m;
    }

    private static Map<String, Object> counts(Map<JobStatus, Integer> counts) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (counts != null) {
            counts.forEach((status, n) -> out.put(status.name(), n));
        }
        return out;
    }

    /** "score: 3/5 succeeded, 1 failed, 1 running; rank: waiting" */
    private static String statusLine(RunState s) {
        List<String> parts = new ArrayList<>();
        for (StageSpec spec : s.graph.stages()) {
            StageState st = s.stage(spec.name());
            if (st == null || st.status == StageStatus.WAITING) {
                continue;
            }
            if (st.status == StageStatus.SUBMITTED) {
                parts.add(spec.name() + ": " + progress(st.counts));
            } else if (!st.status.isFinished()) {
                parts.add(spec.name() + ": " + st.status.name().toLowerCase(Locale.ROOT));
            }
        }
        if (parts.isEmpty()) {
            long waiting = s.stages.values().stream()
                    .filter(st -> st.status == StageStatus.WAITING)
                    .count();
            return "run " + s.runId + (waiting > 0 ? ": " + waiting + " stage(s) waiting" : ": finishing");
        }
        return String.join("; ", parts);
    }

    private static String progress(Map<JobStatus, Integer> counts) {
        long total = 0;
        for (Integer n : counts.values()) {
            total += n;
        }
        long ok = counts.getOrDefault(JobStatus.SUCCEEDED, 0);
        long failed = counts.getOrDefault(JobStatus.FAILED, 0);
        long running = counts.getOrDefault(JobStatus.RUNNING, 0) + counts.getOrDefault(JobStatus.STARTING, 0);
        return String.format(Locale.ROOT, "%,d/%,d succeeded, %,d failed", ok, total, failed)
                + (running > 0 ? String.format(Locale.ROOT, ", %,d running", running) : "");
    }

    /** The build page's view of the run: plain data only. */
    private GraphRecord record(RunState s, RunResult result) {
        List<StageRecord> stages = new ArrayList<>();
        boolean aws = "aws".equals(s.engine);
        String region = aws ? (settings.getRegion() != null ? settings.getRegion() : s.graph.region()) : null;
        for (StageSpec spec : s.graph.stages()) {
            StageState st = s.stage(spec.name());
            if (st == null) {
                continue;
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            st.counts.forEach((status, n) -> counts.put(status.name(), (long) n));
            long size = 0;
            for (JobRecord job : st.jobsOfRound(0)) {
                size += job.size();
            }
            List<String> dependsOn = new ArrayList<>();
            for (StageDependency d : spec.dependsOn()) {
                dependsOn.add(d.stage());
            }
            List<FailedItemRecord> failed = new ArrayList<>();
            for (FailedItem item : FailedItemCap.first(st.failedItems.values())) {
                failed.add(new FailedItemRecord(
                        item.index(),
                        item.key(),
                        item.exitCode(),
                        item.statusReason(),
                        item.logTail().isEmpty() ? null : String.join("\n", item.logTail()),
                        aws && region != null && item.jobId() != null ? consoleUrl(region, item.jobId()) : null));
            }
            List<String> urls = new ArrayList<>();
            if (aws && region != null) {
                st.jobIds().forEach(id -> urls.add(consoleUrl(region, id)));
            }
            stages.add(new StageRecord(
                    spec.name(),
                    spec.type().name().toLowerCase(Locale.ROOT),
                    size,
                    counts,
                    st.jobIds(),
                    dependsOn,
                    failed,
                    urls));
        }
        String outcome = result != null && result.outcome() != null
                ? result.outcome().name()
                : s.outcome != null ? s.outcome.name() : null;
        return new GraphRecord(s.runId, s.name, s.engine, region, outcome, s.runUri, stages, svgOf(s));
    }

    /** The graph as the build page draws it: the engine's SVG, the same as {@code batchgraph report}'s. */
    private static String svgOf(RunState s) {
        try {
            return GraphSvg.render(RunReport.of(s, Optional.empty(), uri -> Optional.empty()));
        } catch (RuntimeException e) {
            return null; // a run without stages yet (a plan): the page lists the stages only
        }
    }

    private static String consoleUrl(String region, String jobId) {
        return "https://" + region + ".console.aws.amazon.com/batch/home?region=" + region + "#jobs/detail/" + jobId;
    }

    // ---- input errors --------------------------------------------------------------------------------------

    private GraphInputException inputError(GraphValidationException e) {
        return inputError(e, -1);
    }

    /**
     * Every binding/validation error with its field path, in the step's own terms: for an extension, stage
     * {@code k} of the combined graph is {@code stages[k - earlier]} of this step.
     */
    private GraphInputException inputError(GraphValidationException e, int earlierStages) {
        List<String> parts = new ArrayList<>();
        for (GraphError error : e.errors()) {
            String path = error.path();
            Matcher m = STAGE_PATH.matcher(path == null ? "" : path);
            if (earlierStages >= 0 && m.find()) {
                int index = Integer.parseInt(m.group(1));
                String rest = path.substring(m.end());
                if (kind == StepKind.FAN_OUT && index >= earlierStages) {
                    path = "stages[" + (index - earlierStages) + "]" + rest;
                } else if (index >= earlierStages) {
                    path = rest.startsWith(".") ? rest.substring(1) : rest.isEmpty() ? kind.functionName() : rest;
                } else {
                    path = "earlier stage " + index + rest;
                }
            }
            parts.add(new GraphError(path, error.problem(), error.fix()).toString());
        }
        return new GraphInputException("invalid input, nothing was submitted: " + String.join("; ", parts));
    }

    private GraphSpec bind(Map<String, Object> graphMap, String from, String to) throws GraphInputException {
        try {
            return new GraphBinder().fromMap(graphMap);
        } catch (GraphValidationException e) {
            List<String> parts = new ArrayList<>();
            for (GraphError error : e.errors()) {
                String path = error.path() != null && error.path().startsWith(from)
                        ? to + error.path().substring(from.length())
                        : error.path();
                parts.add(new GraphError(path, error.problem(), error.fix()).toString());
            }
            throw new GraphInputException("invalid input, nothing was submitted: " + String.join("; ", parts));
        }
    }

    // ---- listener and console ------------------------------------------------------------------------------

    /** Engine events: console lines, and the journal + save after every SubmitJob. */
    private final class Listener implements RunListener {
        @Override
        public void message(String line) {
            synchronized (lines) {
                lines.add(line);
            }
        }

        @Override
        public void jobSubmitted(String stage, String jobId, String jobName, int size) {
            Journal journal = activeJournal;
            if (journal == null) {
                return;
            }
            RunState s = runner != null ? runner.state() : state;
            int chunk = 0;
            if (s != null && s.stage(stage) != null) {
                for (JobRecord job : s.stage(stage).jobs) {
                    if (job.jobId().equals(jobId)) {
                        chunk = Math.max(0, job.chunk());
                    }
                }
            }
            journal.record(new Journal.Entry(stage, chunk, jobName, jobId));
            if (s != null) {
                try {
                    journal.setEngineState(JSON.writeValueAsString(s));
                } catch (IOException e) {
                    throw new SinkFailure(e);
                }
            }
            JournalSink sink = activeSink;
            if (sink != null) {
                try {
                    sink.persisted();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new SinkFailure(e);
                }
            }
        }

        @Override
        public void progress(String stage, Map<JobStatus, Integer> counts, long total) {
            message(stage + ": " + EngineGraphDriver.progress(counts));
        }

        @Override
        public void stageFinished(String stage, String status, String reason) {
            message("stage " + stage + " " + status + (reason == null ? "" : " (" + reason + ")"));
        }
    }

    /** Carries a checked exception of the journal sink (saving, or "stopping") out of the engine. */
    private static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Exception cause;

        SinkFailure(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private List<String> drain() {
        synchronized (lines) {
            List<String> out = new ArrayList<>(lines);
            lines.clear();
            return out;
        }
    }

    private void flush() {
        for (String line : drain()) {
            context.getLogger().println(line);
        }
    }

    // ---- small helpers -------------------------------------------------------------------------------------

    private static String string(Object o) {
        return o == null || String.valueOf(o).isBlank()
                ? null
                : String.valueOf(o).trim();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String path) throws GraphInputException {
        if (o instanceof Map) {
            return (Map<String, Object>) o;
        }
        throw new GraphInputException(
                path + ": expected a map (what the previous step returned, or [runId: 'ID']), got "
                        + (o == null ? "nothing" : "a " + o.getClass().getSimpleName()));
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static void putDefault(Map<String, Object> map, String key, Object value) {
        if (value != null && !map.containsKey(key)) {
            map.put(key, value);
        }
    }

    private static String prefixed(String path, String field) {
        return path == null || path.isEmpty() ? field : path + "." + field;
    }
}
