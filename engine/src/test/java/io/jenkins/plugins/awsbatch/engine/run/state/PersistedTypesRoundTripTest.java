package io.jenkins.plugins.awsbatch.engine.run.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.batch.DependencyType;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.RetryAction;
import io.jenkins.plugins.awsbatch.engine.graph.CountSpec;
import io.jenkins.plugins.awsbatch.engine.graph.ExitRule;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.ItemSourceSpec;
import io.jenkins.plugins.awsbatch.engine.graph.JobDefinitionSpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifySpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifyTarget;
import io.jenkins.plugins.awsbatch.engine.graph.PlanSpec;
import io.jenkins.plugins.awsbatch.engine.graph.RetrySpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageDependency;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.plan.Manifest;
import io.jenkins.plugins.awsbatch.engine.plan.Planner;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import io.jenkins.plugins.awsbatch.engine.store.UnreadableFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: everything the engine persists reads back equal to what was written: {@code state.json} (graphs
 * over every field form, run states in every phase), the manifest and index maps, through the real store and
 * the one shared JSON configuration. Graphs come from a seeded generator; a failure names its seed.
 */
class PersistedTypesRoundTripTest {
    private static final int CASES = 200;
    private final ObjectMapper json = Json.mapper();

    @TempDir
    Path dir;

    enum Phase {
        PLANNED,
        SUBMITTING,
        RUNNING,
        RETRYING,
        SUCCEEDED,
        FAILED,
        UNSTABLE,
        ABORTED,
        CLEANED_UP
    }

    @Test
    void everyGeneratedRunStateReadsBackEqualFromStateJson() {
        // Every tenth case through the folder store, the rest in memory: the bytes are the same, the disk is slow.
        RunJournal onDisk = new RunJournal(new LocalObjectStore(), json);
        RunJournal inMemory = new RunJournal(new MemoryStore(), json);
        Set<String> seen = new TreeSet<>();
        for (int seed = 0; seed < CASES; seed++) {
            Generator gen = new Generator(new Random(seed), seen);
            RunState written = gen.runState("run-" + seed, LocalObjectStore.toUri(dir.resolve("runs")));
            RunJournal journal = seed % 10 == 0 ? onDisk : inMemory;

            journal.save(written);
            RunState read =
                    journal.load(new RunLayout(written.storeUri, written.runId)).orElseThrow();

            assertSameState(read, written, seed);
        }
        // The generator reached every form (so the property is not vacuously true for some of them).
        assertThat(seen).containsAll(Generator.ALL_FORMS);
    }

    @Test
    void everyGeneratedManifestAndIndexMapReadsBackEqual() {
        StoreResolver stores = StoreResolver.localOnly();
        ObjectStore store = stores.forUri("file:///");
        for (int seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            RunLayout layout = new RunLayout(LocalObjectStore.toUri(dir.resolve("runs")), "m-" + seed);
            List<String> keys = new ArrayList<>();
            int n = random.nextInt(5) == 0 ? 0 : random.nextInt(50);
            for (int i = 0; i < n; i++) {
                keys.add(random.nextBoolean() ? "key-" + i : "ünïcode \"quoted\" " + random.nextInt());
            }
            Manifest manifest = new Manifest(
                    layout.runId(),
                    random.nextBoolean() ? "graph" : null,
                    n,
                    random.nextBoolean() ? "item_id" : null,
                    layout.itemsUri(),
                    keys,
                    random.nextLong(),
                    random.nextBoolean() ? null : random.nextBoolean() ? "packed" : "per-item");
            store.put(layout.manifestUri(), bytes(manifest));
            assertThat(Planner.readManifest(layout, store, json))
                    .as("seed %d", seed)
                    .contains(manifest);

            List<Long> map = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                map.add(random.nextBoolean() ? (long) i : Math.abs(random.nextLong()));
            }
            String uri = layout.retryMapUri("s", 1 + random.nextInt(3));
            new IndexMaps(stores, json).write(uri, map);
            IndexMaps reader = new IndexMaps(stores, json); // a fresh reader: from the file, not the cache
            for (int p = 0; p < map.size(); p++) {
                assertThat(reader.itemIndex(uri, 0, p))
                        .as("seed %d position %d", seed, p)
                        .isEqualTo(map.get(p));
            }
        }
    }

    @Test
    void theRunResultReadsBackEqual() throws Exception {
        for (int seed = 0; seed < 100; seed++) {
            Generator gen = new Generator(new Random(seed), new TreeSet<>());
            RunResult result = gen.runResult();
            assertThat(json.readValue(json.writeValueAsBytes(result), RunResult.class))
                    .as("seed %d", seed)
                    .isEqualTo(result);
        }
    }

    @Test
    void aStateFileTheReaderRefusesNamesTheFileTheFieldAndTheCause() throws Exception {
        RunLayout layout = new RunLayout(LocalObjectStore.toUri(dir.resolve("runs")), "bad-1");
        Path file = stateFile(layout);
        Files.writeString(file, """
                {"runId": "bad-1", "graph": {"name": "g", "stages": [{"name": "a"}, {"name": "b", "count": {"bogus": 1}}]}}
                """);
        RunJournal journal = new RunJournal(new LocalObjectStore(), json);

        assertThatThrownBy(() -> journal.load(layout))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("cannot read the run state at " + layout.stateUri())
                .hasMessageContaining("field graph.stages[1].count")
                .hasMessageContaining("unknown count field 'bogus'");

        Files.writeString(file, "{\"runId\": \"bad-1\",\n  \"itemCount\": tw");
        assertThatThrownBy(() -> journal.load(layout))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining(layout.stateUri())
                .hasMessageContaining("invalid JSON at line 2");

        Files.writeString(file, "{\"runId\": \"bad-1\", \"stages\": {\"a\": {\"status\": \"DANCING\"}}}");
        assertThatThrownBy(() -> journal.load(layout))
                .hasMessageContaining("field stages.a.status")
                .hasMessageContaining("DANCING");
    }

    @Test
    void aStateWrittenWithTheDerivedCountFieldOfEarlierVersionsStillReads() throws Exception {
        RunLayout layout = new RunLayout(LocalObjectStore.toUri(dir.resolve("runs")), "old-1");
        Path file = stateFile(layout);
        Files.writeString(file, """
                {"runId": "old-1", "graph": {"name": "g", "stages": [{"name": "m", "type": "AGGREGATE",
                 "count": {"fixed": 1, "variable": false}, "sequential": false, "builtInCleanup": false,
                 "dependsOn": [{"stage": "s", "type": "N_TO_N", "nToN": true}]}]},
                 "stages": {"m": {"jobs": [{"jobId": "j", "size": 3, "array": true}]}}}
                """, StandardCharsets.UTF_8);

        RunState state =
                new RunJournal(new LocalObjectStore(), json).load(layout).orElseThrow();

        assertThat(state.graph.stages().get(0).count()).isEqualTo(CountSpec.fixed(1));
        assertThat(state.stage("m").jobs.get(0).size()).isEqualTo(3);
    }

    @Test
    void derivedAccessorsAreNotWritten() throws Exception {
        StageSpec stage = StageSpec.builder("p")
                .type(StageType.AGGREGATE)
                .count(new CountSpec(null, null, "rank"))
                .sequential(true)
                .dependsOn(List.of(new StageDependency("rank", DependencyType.N_TO_N)))
                .build();
        String written = json.writeValueAsString(stage)
                + json.writeValueAsString(new JobRecord("j", "n", 0, 0, 5, 0, null, null, false));

        assertThat(written).doesNotContain("variable", "builtInCleanup", "nToN", "\"array\"", "retryRounds");
    }

    /** Field by field (records by their equals): a field written but not read back, or read wrongly, fails. */
    private static void assertSameState(RunState read, RunState written, int seed) {
        assertThat(List.of(read.runId, read.name, read.engine, read.storeUri, read.runUri, read.itemsUri, read.mode))
                .as("seed %d", seed)
                .isEqualTo(List.of(
                        written.runId,
                        written.name,
                        written.engine,
                        written.storeUri,
                        written.runUri,
                        written.itemsUri,
                        written.mode));
        assertThat(read.baseDir).isEqualTo(written.baseDir);
        assertThat(read.itemLayout).as("seed %d", seed).isEqualTo(written.itemLayout);
        assertThat(read.message).isEqualTo(written.message);
        assertThat(read.graph).as("seed %d", seed).isEqualTo(written.graph);
        assertThat(new long[] {read.itemCount, read.startedAt, read.finishedAt})
                .isEqualTo(new long[] {written.itemCount, written.startedAt, written.finishedAt});
        assertThat(read.outcome).isEqualTo(written.outcome);
        assertThat(read.abortRequested).isEqualTo(written.abortRequested);
        assertThat(read.cleanup).isEqualTo(written.cleanup);
        assertThat(read.stages.keySet()).as("seed %d", seed).containsExactlyElementsOf(written.stages.keySet());
        written.stages.forEach((name, w) -> {
            StageState r = read.stage(name);
            assertThat(r.status).as("seed %d stage %s", seed, name).isEqualTo(w.status);
            assertThat(r.reason).isEqualTo(w.reason);
            assertThat(r.jobs).as("seed %d stage %s", seed, name).isEqualTo(w.jobs);
            assertThat(r.populationUri).isEqualTo(w.populationUri);
            assertThat(r.populationSize).isEqualTo(w.populationSize);
            assertThat(r.counts).as("seed %d stage %s", seed, name).isEqualTo(w.counts);
            assertThat(r.failedItems).as("seed %d stage %s", seed, name).isEqualTo(w.failedItems);
            assertThat(r.recoveredInRound).isEqualTo(w.recoveredInRound);
            assertThat(new long[] {r.round, r.submittedAt, r.finishedAt})
                    .isEqualTo(new long[] {w.round, w.submittedAt, w.finishedAt});
            assertThat(r.roundSubmitted).isEqualTo(w.roundSubmitted);
            assertThat(r.computeSeconds).isEqualTo(w.computeSeconds);
        });
    }

    private static Path stateFile(RunLayout layout) throws java.io.IOException {
        Path file = LocalObjectStore.toPath(layout.stateUri());
        Files.createDirectories(file.getParent());
        return file;
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Objects in a map: the journal's own reading and writing, without the disk. */
    private static final class MemoryStore implements ObjectStore {
        private final Map<String, byte[]> objects = new java.util.HashMap<>();

        @Override
        public void put(String uri, byte[] content) {
            objects.put(uri, content.clone());
        }

        @Override
        public java.util.Optional<byte[]> get(String uri) {
            return java.util.Optional.ofNullable(objects.get(uri));
        }

        @Override
        public List<String> list(String prefixUri) {
            return objects.keySet().stream()
                    .filter(k -> k.startsWith(prefixUri))
                    .sorted()
                    .toList();
        }

        @Override
        public int deletePrefix(String prefixUri, String allowedRoot) {
            throw new UnsupportedOperationException();
        }
    }

    /** Random graphs and run states; records which field forms it produced. */
    static final class Generator {
        static final Set<String> ALL_FORMS = Set.of(
                "count:fixed",
                "count:expression",
                "count:partitionsFrom",
                "count:none",
                "type:ARRAY",
                "type:SINGLE",
                "type:AGGREGATE",
                "type:CLEANUP",
                "retry:rules",
                "retry:attempts-only",
                "notify:slack",
                "notify:email",
                "notify:sns",
                "tolerance:percent",
                "tolerance:count",
                "waves",
                "consumableResource",
                "dependsOn:whole",
                "dependsOn:N_TO_N",
                "items:list",
                "items:file",
                "items:s3",
                "itemStore:dynamodb",
                "retryFailedItems",
                "phase:PLANNED",
                "phase:SUBMITTING",
                "phase:RUNNING",
                "phase:RETRYING",
                "phase:SUCCEEDED",
                "phase:FAILED",
                "phase:UNSTABLE",
                "phase:ABORTED",
                "phase:CLEANED_UP",
                "job:array",
                "job:barrier",
                "job:partition",
                "job:indexMap",
                "failed:logTail",
                "failed:noExitCode");
        private final Random random;
        private final Set<String> seen;

        Generator(Random random, Set<String> seen) {
            this.random = random;
            this.seen = seen;
        }

        private boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        private <T> T maybe(Supplier<T> value) {
            return random.nextBoolean() ? value.get() : null;
        }

        private String text() {
            String[] samples = {"a", "score", "with space", "ünï", "quote\"d", "back\\slash", "new\nline", "$HOME", ""};
            return samples[random.nextInt(samples.length)] + (chance(50) ? String.valueOf(random.nextInt(1000)) : "");
        }

        private Map<String, String> strings() {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                map.put("K" + random.nextInt(100), text());
            }
            return map;
        }

        private List<String> command() {
            List<String> command = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                command.add(text());
            }
            return command;
        }

        GraphSpec graph() {
            int stageCount = 1 + random.nextInt(5);
            List<StageSpec> stages = new ArrayList<>();
            for (int i = 0; i < stageCount; i++) {
                stages.add(stage("s" + i, stages));
            }
            Map<String, JobDefinitionSpec> definitions = new LinkedHashMap<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                definitions.put(
                        "d" + i,
                        new JobDefinitionSpec(
                                maybe(this::command),
                                maybe(this::strings),
                                maybe(this::strings),
                                maybe(this::text),
                                maybe(() -> 1 + random.nextInt(8)),
                                maybe(() -> 128 * (1 + random.nextInt(8))),
                                maybe(this::retry),
                                maybe(() -> 60 + random.nextInt(600))));
            }
            return new GraphSpec(
                    text(),
                    maybe(() -> random.nextBoolean() ? "local" : "aws"),
                    maybe(() -> "eu-west-1"),
                    maybe(() -> random.nextBoolean() ? "file://.batchgraph/runs" : "s3://bucket/prefix"),
                    maybe(this::text),
                    maybe(() -> random.nextBoolean() ? "gated" : "upfront"),
                    maybe(this::plan),
                    definitions,
                    stages,
                    maybe(this::notifications),
                    maybe(this::text));
        }

        private PlanSpec plan() {
            ItemSourceSpec items =
                    switch (random.nextInt(3)) {
                        case 0 -> {
                            seen.add("items:list");
                            List<Object> list = new ArrayList<>();
                            for (int i = random.nextInt(4); i > 0; i--) {
                                list.add(
                                        switch (random.nextInt(4)) {
                                            case 0 -> text();
                                            case 1 -> random.nextInt(1000);
                                            case 2 -> random.nextBoolean();
                                            default ->
                                                Map.of(
                                                        "id",
                                                        text(),
                                                        "n",
                                                        random.nextInt(10),
                                                        "tags",
                                                        List.of("x", "y"));
                                        });
                            }
                            yield new ItemSourceSpec(list, null, null, null, maybe(() -> "id"));
                        }
                        case 1 -> {
                            seen.add("items:file");
                            yield new ItemSourceSpec(
                                    null, "items.xlsx", null, maybe(() -> "Items"), maybe(() -> "item_id"));
                        }
                        default -> {
                            seen.add("items:s3");
                            yield new ItemSourceSpec(null, null, "s3://bucket/in/", null, null);
                        }
                    };
            String itemStore = chance(30) ? "dynamodb:table" : maybe(() -> "store");
            if (itemStore != null && itemStore.startsWith("dynamodb")) {
                seen.add("itemStore:dynamodb");
            }
            String itemLayout =
                    maybe(() -> List.of("auto", "packed", "per-item").get(random.nextInt(3)));
            return new PlanSpec(items, itemStore, itemLayout);
        }

        private RetrySpec retry() {
            List<ExitRule> rules = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                rules.add(new ExitRule(
                        maybe(() -> random.nextBoolean() ? "137" : "*"),
                        maybe(() -> "Host EC2*"),
                        maybe(() -> "CannotPullContainer*"),
                        random.nextBoolean() ? RetryAction.RETRY : RetryAction.EXIT));
            }
            seen.add(rules.isEmpty() ? "retry:attempts-only" : "retry:rules");
            return new RetrySpec(maybe(() -> 1 + random.nextInt(10)), rules);
        }

        private NotifySpec notifications() {
            return new NotifySpec(targets(), targets(), targets());
        }

        private List<NotifyTarget> targets() {
            List<NotifyTarget> targets = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                targets.add(
                        switch (random.nextInt(3)) {
                            case 0 -> {
                                seen.add("notify:slack");
                                yield new NotifyTarget(
                                        new NotifyTarget.Slack(
                                                maybe(() -> "SLACK_URL"), maybe(() -> "cred"), maybe(() -> "#ops")),
                                        null,
                                        null);
                            }
                            case 1 -> {
                                seen.add("notify:email");
                                yield new NotifyTarget(
                                        null,
                                        new NotifyTarget.Email(
                                                List.of("a@example.com", "b@example.org"),
                                                maybe(() -> "bot@example.com"),
                                                maybe(() -> "smtp.example.com"),
                                                maybe(() -> 587),
                                                maybe(() -> "STARTTLS"),
                                                maybe(() -> "user"),
                                                maybe(() -> "SMTP_PASSWORD")),
                                        null);
                            }
                            default -> {
                                seen.add("notify:sns");
                                yield new NotifyTarget(
                                        null, null, new NotifyTarget.Sns("arn:aws:sns:eu-west-1:123456789012:t"));
                            }
                        });
            }
            return targets;
        }

        private StageSpec stage(String name, List<StageSpec> before) {
            StageType type = StageType.values()[random.nextInt(StageType.values().length)];
            seen.add("type:" + type);
            StageSpec.Builder stage = StageSpec.builder(name).type(type);
            if (chance(70)) {
                stage.jobDefinition(text());
            }
            stage.queue(maybe(this::text))
                    .command(maybe(this::command))
                    .environment(maybe(this::strings))
                    .parameters(maybe(this::strings))
                    .tags(maybe(this::strings))
                    .retry(maybe(this::retry))
                    .timeout(maybe(() -> 60 + random.nextInt(3600)))
                    .vcpus(maybe(() -> 1 + random.nextInt(4)))
                    .memory(maybe(() -> 512 * (1 + random.nextInt(4))))
                    .sequential(maybe(random::nextBoolean))
                    .shareIdentifier(maybe(() -> "share"))
                    .schedulingPriority(maybe(() -> random.nextInt(100)));
            if (chance(30)) {
                stage.maxConcurrency(1 + random.nextInt(50));
                if (chance(50)) {
                    stage.consumableResource("slots-" + name);
                    seen.add("consumableResource");
                } else {
                    seen.add("waves");
                }
            }
            switch (random.nextInt(3)) {
                case 0 -> {
                    stage.toleratedFailurePercent(random.nextInt(1000) / 10.0);
                    seen.add("tolerance:percent");
                }
                case 1 -> {
                    stage.toleratedFailureCount(random.nextInt(20));
                    seen.add("tolerance:count");
                }
                default -> {}
            }
            if (chance(40)) {
                stage.retryFailedItems(random.nextInt(4));
                seen.add("retryFailedItems");
            }
            List<StageDependency> deps = new ArrayList<>();
            for (StageSpec upstream : before) {
                if (chance(40)) {
                    boolean nToN = chance(40);
                    deps.add(
                            nToN
                                    ? new StageDependency(upstream.name(), DependencyType.N_TO_N)
                                    : StageDependency.whole(upstream.name()));
                    seen.add(nToN ? "dependsOn:N_TO_N" : "dependsOn:whole");
                }
            }
            stage.dependsOn(deps);
            switch (random.nextInt(4)) {
                case 0 -> {
                    stage.count(CountSpec.fixed(1 + random.nextInt(10)));
                    seen.add("count:fixed");
                }
                case 1 -> {
                    stage.count(CountSpec.of("ceil(items / " + (1 + random.nextInt(1000)) + ")"));
                    seen.add("count:expression");
                }
                case 2 -> {
                    stage.count(CountSpec.of(Map.of(
                            "partitionsFrom",
                            before.isEmpty() ? "rank" : before.get(0).name())));
                    seen.add("count:partitionsFrom");
                }
                default -> seen.add("count:none");
            }
            return stage.build();
        }

        RunState runState(String runId, String storeUri) {
            Phase phase = Phase.values()[random.nextInt(Phase.values().length)];
            seen.add("phase:" + phase);
            RunState state = new RunState();
            state.runId = runId;
            state.graph = graph();
            state.name = state.graph.name();
            state.engine = state.graph.engineOrDefault();
            state.storeUri = storeUri;
            state.runUri = storeUri + "/" + runId;
            state.itemsUri = chance(20) ? "dynamodb://table/" + runId : state.runUri + "/items";
            state.itemLayout = maybe(() -> random.nextBoolean() ? "packed" : "per-item");
            state.baseDir = maybe(() -> "/work/dir with space");
            state.mode = random.nextBoolean() ? "upfront" : "gated";
            state.itemCount = phase == Phase.PLANNED && chance(20) ? -1 : random.nextInt(30_000);
            state.startedAt = 1_700_000_000_000L + random.nextInt(1_000_000);
            state.abortRequested = phase == Phase.ABORTED;
            for (StageSpec spec : state.graph.stages()) {
                state.stages.put(spec.name(), stageState(phase, spec));
            }
            switch (phase) {
                case SUCCEEDED, FAILED, UNSTABLE, ABORTED, CLEANED_UP -> {
                    state.outcome = phase == Phase.CLEANED_UP ? Outcome.SUCCEEDED : Outcome.valueOf(phase.name());
                    state.finishedAt = state.startedAt + random.nextInt(1_000_000);
                    state.message = maybe(this::text);
                }
                default -> {}
            }
            if (phase == Phase.CLEANED_UP || phase == Phase.ABORTED && chance(50)) {
                state.cleanup = new CleanupReport(
                        List.of(state.runUri + "/items/"),
                        random.nextInt(1000),
                        List.of(state.runUri + "/state.json"),
                        maybe(this::text));
            }
            return state;
        }

        private StageState stageState(Phase phase, StageSpec spec) {
            StageState stage = new StageState();
            if (phase == Phase.PLANNED) {
                return stage;
            }
            stage.status = switch (phase) {
                case SUBMITTING -> StageStatus.WAITING;
                case RUNNING, RETRYING -> random.nextBoolean() ? StageStatus.SUBMITTED : StageStatus.SUCCEEDED;
                default -> StageStatus.values()[2 + random.nextInt(StageStatus.values().length - 2)];
            };
            stage.reason = maybe(this::text);
            int rounds = phase == Phase.RETRYING ? 1 + random.nextInt(3) : random.nextInt(2);
            for (int round = 0; round <= rounds; round++) {
                for (int chunk = random.nextInt(3); chunk >= 0; chunk--) {
                    int size = random.nextBoolean() ? 1 : 2 + random.nextInt(10_000);
                    seen.add(size >= 2 ? "job:array" : "job");
                    String map = round > 0
                            ? "file:///r/stages/" + spec.name() + "/retry-" + round + ".json"
                            : maybe(() -> "file:///r/population.json");
                    String partition = chance(20) ? text() : null;
                    boolean barrier = chance(10);
                    if (map != null) {
                        seen.add("job:indexMap");
                    }
                    if (partition != null) {
                        seen.add("job:partition");
                    }
                    if (barrier) {
                        seen.add("job:barrier");
                    }
                    stage.jobs.add(new JobRecord(
                            java.util
                                    .UUID
                                    .nameUUIDFromBytes(new byte[] {(byte) random.nextInt()})
                                    .toString(),
                            "run-" + spec.name() + "-" + chunk,
                            chunk,
                            random.nextInt(20_000),
                            size,
                            round,
                            map,
                            partition,
                            barrier));
                }
            }
            stage.round = rounds;
            stage.roundSubmitted = phase != Phase.RETRYING || random.nextBoolean();
            stage.populationUri = maybe(() -> "file:///r/stages/" + spec.name() + "/population.json");
            stage.populationSize = random.nextInt(20_000);
            for (JobStatus status : JobStatus.values()) {
                if (random.nextBoolean()) {
                    stage.counts.put(status, random.nextInt(10_000));
                }
            }
            for (int i = random.nextInt(4); i > 0; i--) {
                long item = random.nextInt(20_000);
                boolean withExit = random.nextBoolean();
                List<String> tail = random.nextBoolean() ? List.of() : List.of(text(), text());
                seen.add(withExit ? "failed:exitCode" : "failed:noExitCode");
                if (!tail.isEmpty()) {
                    seen.add("failed:logTail");
                }
                stage.failedItems.put(
                        item,
                        new FailedItem(
                                item,
                                text(),
                                "job:" + i,
                                withExit ? random.nextInt(256) : null,
                                maybe(this::text),
                                tail));
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                stage.recoveredInRound.put((long) random.nextInt(20_000), 1 + random.nextInt(3));
            }
            stage.submittedAt = 1_700_000_000_000L + random.nextInt(1000);
            stage.finishedAt = stage.status.isFinished() ? stage.submittedAt + random.nextInt(100_000) : 0;
            stage.computeSeconds = random.nextInt(1_000_000) / 1000.0 + (chance(10) ? Math.PI : 0);
            return stage;
        }

        RunResult runResult() {
            RunState state = runState("r", "file:///store");
            List<StageResult> stages = new ArrayList<>();
            state.stages.forEach((name, s) -> stages.add(new StageResult(
                    name,
                    s.status,
                    s.reason,
                    s.jobIds(),
                    s.countsOverAllRounds(),
                    new ArrayList<>(s.failedItems.values()),
                    s.failedItems.size(),
                    new TreeMap<>(s.recoveredInRound),
                    s.round,
                    s.computeSeconds)));
            return new RunResult(
                    state.runId,
                    state.name,
                    state.outcome,
                    random.nextInt(100_000),
                    state.mode,
                    state.itemCount,
                    state.runUri,
                    state.message,
                    stages,
                    Map.of("SubmitJob", 3L, "DescribeJobs", 12L),
                    state.cleanup);
        }
    }
}
