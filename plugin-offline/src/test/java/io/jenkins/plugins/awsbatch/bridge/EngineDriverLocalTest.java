package io.jenkins.plugins.awsbatch.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.awsbatch.action.AwsBatchGraphAction;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import io.jenkins.plugins.awsbatch.exec.GraphStepExecution;
import io.jenkins.plugins.awsbatch.exec.PollPolicy;
import io.jenkins.plugins.awsbatch.exec.Settings;
import io.jenkins.plugins.awsbatch.exec.StepKind;
import io.jenkins.plugins.awsbatch.offline.FakeContext;
import io.jenkins.plugins.awsbatch.offline.FakeRun;
import io.jenkins.plugins.awsbatch.offline.RealEngineFactory;
import io.jenkins.plugins.awsbatch.offline.Snapshots;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real engine behind the step execution: the local engine runs each child as a real process
 * ({@code sh -c}), the execution polls it on real threads, on the fake Jenkins context.
 */
@Timeout(120)
class EngineDriverLocalTest {
    private static final Settings LOCAL = new Settings("local", null, null, null, null, null, null, null);
    private static final PollPolicy FAST = new PollPolicy(20, 300, 1.5, 20_000);
    /** Writes the item's index to {@code <output>/<i>.json}. */
    private static final String SCORE = "i=$((BATCHGRAPH_INDEX_OFFSET + ${AWS_BATCH_JOB_ARRAY_INDEX:-0})); "
            + "out=\"${BATCHGRAPH_OUTPUT_URI#file://}\"; mkdir -p \"$out\"; echo $i > \"$out/$i.json\"";

    @TempDir
    File buildDir;

    private FakeRun run;
    private final List<String> keys = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        run = new FakeRun(buildDir);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (String key : keys) {
            RealEngineFactory.shutdown(key);
        }
    }

    // ---- plumbing ----------------------------------------------------------------------------------------

    private final class Step {
        final String key = UUID.randomUUID().toString();
        final FakeContext context;
        GraphStepExecution execution;

        Step(StepKind kind, Map<String, Object> args, boolean wait) {
            keys.add(key);
            context = new FakeContext(key, run);
            // an administrator allowed the local engine (ControllerAccessTest: refused otherwise)
            execution = new GraphStepExecution(
                    context,
                    new GraphRequest(kind, args, LOCAL, Settings.empty(), wait, FAST, true),
                    new RealEngineFactory(key));
        }

        Step start() throws Exception {
            assertThat(execution.start()).isFalse();
            return this;
        }

        FakeContext.State state() {
            return context.state();
        }

        FakeContext.State await() throws InterruptedException {
            waitFor(() -> state().done(), 90_000);
            return state();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> result() throws InterruptedException {
            FakeContext.State s = await();
            assertThat(s.failure)
                    .as(() -> "failed: " + s.failure + "\n" + s.listener.text())
                    .isNull();
            return (Map<String, Object>) s.success;
        }
    }

    private static String serialized(java.io.Serializable journal) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(journal);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void waitFor(BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }

    private Map<String, Object> plan(int items) throws Exception {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            list.add("item-" + i);
        }
        return new Step(StepKind.PLAN, Map.of("items", list, "name", "demo"), true)
                .start()
                .result();
    }

    private static Map<String, Object> stage(String name, String script) {
        return Map.of("name", name, "jobDefinition", name, "command", List.of("sh", "-c", script));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stageOf(Map<String, Object> result, String name) {
        return ((List<Map<String, Object>>) result.get("stages"))
                .stream().filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static long submits(Map<String, Object> result) {
        Map<String, Object> calls = (Map<String, Object>) result.get("calls");
        Object n = calls.get("SubmitJob");
        return n == null ? 0 : ((Number) n).longValue();
    }

    // ---- tests -------------------------------------------------------------------------------------------

    @Test
    void planFanOutAggregateCleanupSucceedWithTheirReturnMaps() throws Exception {
        Map<String, Object> plan = plan(5);
        assertThat(plan)
                .containsEntry("itemCount", 5L)
                .containsEntry("name", "demo")
                .containsEntry("engine", "local")
                .containsKeys("runId", "store", "runUri", "itemsUri");
        assertThat((String) plan.get("store")).startsWith("file:").contains(buildDir.getName());
        assertThat(plan.get("chunks")).isEqualTo(List.of(Map.of("index", 0, "offset", 0L, "size", 5)));
        Path items = Path.of(java.net.URI.create((String) plan.get("itemsUri")));
        assertThat(items.resolve("4.json")).exists();

        Step fanStep = new Step(
                        StepKind.FAN_OUT,
                        Map.of("plan", plan, "stages", List.of(stage("score", SCORE), stage("rank", "true"))),
                        true)
                .start();
        Map<String, Object> fan = fanStep.result();
        assertThat(fan).containsEntry("outcome", "SUCCEEDED").containsEntry("runId", plan.get("runId"));
        assertThat(stageOf(fan, "score")).containsEntry("status", "SUCCEEDED").containsEntry("failedCount", 0L);
        assertThat((Map<String, Object>) stageOf(fan, "score").get("counts")).containsEntry("SUCCEEDED", 5);
        assertThat((List<?>) stageOf(fan, "score").get("jobIds")).hasSize(1);
        assertThat(stageOf(fan, "rank")).containsEntry("status", "SUCCEEDED");
        assertThat(submits(fan))
                .as("arrays, not loops: one SubmitJob per stage")
                .isEqualTo(2);
        // journaled with the step: both jobs and where the run is; the run's state stays in its store
        assertThat(fanStep.execution.getJournal().getEntries())
                .extracting(e -> e.getStage())
                .containsExactly("score", "rank");
        assertThat(fanStep.execution.getJournal().getResult()).containsOnlyKeys("runId", "store");
        assertThat(serialized(fanStep.execution.getJournal()))
                .as("no copy of the run's state in the Pipeline program")
                .doesNotContain("stageState")
                .doesNotContain(SCORE);
        assertThat(fanStep.state().listener.text())
                .contains("Submitted score: ")
                .contains("score: 5/5 succeeded");
        assertThat(fanStep.state().saves.get()).isGreaterThanOrEqualTo(2);
        Path runFolder = Path.of(java.net.URI.create((String) plan.get("runUri")));
        assertThat(runFolder.resolve("stages/score/output/4.json")).exists();

        Map<String, Object> agg = new Step(
                        StepKind.AGGREGATE,
                        Map.of(
                                "after",
                                fan,
                                "jobDefinition",
                                "merge",
                                "command",
                                List.of(
                                        "sh",
                                        "-c",
                                        "out=\"${BATCHGRAPH_OUTPUT_URI#file://}\"; mkdir -p \"$out\"; "
                                                + "ls \"${BATCHGRAPH_INPUT_URI#file://}\" | wc -l > \"$out/count.txt\"")),
                        true)
                .start()
                .result();
        assertThat(agg).containsEntry("outcome", "SUCCEEDED");
        assertThat(stageOf(agg, "aggregate"))
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("type", "aggregate");
        assertThat(submits(agg)).isEqualTo(1);
        assertThat(run.getAction(AwsBatchGraphAction.class)).isNotNull();
        assertThat(run.getAction(AwsBatchGraphAction.class).getRecord().getStages())
                .extracting(s -> s.getName())
                .contains("score", "rank", "aggregate");

        Map<String, Object> cleanup =
                new Step(StepKind.CLEANUP, Map.of("plan", plan), true).start().result();
        assertThat(cleanup).containsEntry("outcome", "SUCCEEDED");
        assertThat(((Number) cleanup.get("deletedObjects")).intValue()).isGreaterThan(0);
        assertThat(items.resolve("4.json")).doesNotExist();
        assertThat(runFolder.resolve("stages/score/output/4.json")).doesNotExist();
        assertThat(runFolder.resolve("state.json")).exists();
        assertThat(Files.list(runFolder.resolve("stages/aggregate/output")).count())
                .isPositive();
    }

    @Test
    void aFailingChildFailsTheStepNamingTheStageAndTheItems() throws Exception {
        Map<String, Object> plan = plan(6);
        Step fan = new Step(
                        StepKind.FAN_OUT,
                        Map.of(
                                "plan",
                                plan,
                                "stages",
                                List.of(stage(
                                        "score",
                                        "i=$((BATCHGRAPH_INDEX_OFFSET + AWS_BATCH_JOB_ARRAY_INDEX)); if [ $i -ge 3 ] && [ $i -le 4 ]; then "
                                                + "echo \"cannot score $i\" >&2; exit 3; fi"))),
                        true)
                .start();
        FakeContext.State s = fan.await();
        assertThat(s.success).isNull();
        assertThat(s.failure).isInstanceOf(AbortException.class);
        assertThat(s.failure.getMessage())
                .startsWith("awsBatchFanOut: ")
                .contains("score")
                .contains("items 3-4")
                .doesNotContain("\n");
        assertThat(s.listener.text()).contains("item 3").contains("exit 3").contains("cannot score 3");
        assertThat(run.getAction(AwsBatchGraphAction.class).getRecord().getOutcome())
                .isEqualTo("FAILED");
    }

    @Test
    void toleratedFailureMarksTheBuildUnstable() throws Exception {
        Map<String, Object> plan = plan(10);
        Map<String, Object> fan = new Step(
                        StepKind.FAN_OUT,
                        Map.of(
                                "plan",
                                plan,
                                "toleratedFailurePercent",
                                20,
                                "stages",
                                List.of(stage(
                                        "score",
                                        "[ $((BATCHGRAPH_INDEX_OFFSET + AWS_BATCH_JOB_ARRAY_INDEX)) -ne 7 ]"))),
                        true)
                .start()
                .result();
        assertThat(fan).containsEntry("outcome", "UNSTABLE");
        assertThat(stageOf(fan, "score")).containsEntry("status", "UNSTABLE").containsEntry("failedCount", 1L);
        assertThat(run.getResult()).isSameAs(Result.UNSTABLE);
    }

    /**
     * build.xml and the Pipeline program keep the first N failed items per stage (100 by default; 3 here, to stay
     * fast); the return map names the run whose store has them all.
     */
    @Test
    @SuppressWarnings("unchecked")
    void failedItemsBeyondTheCapAreLeftInTheRunsStore() throws Exception {
        System.setProperty(FailedItemCap.PROPERTY, "3");
        try {
            Map<String, Object> plan = plan(5);
            Map<String, Object> fan = new Step(
                            StepKind.FAN_OUT,
                            Map.of(
                                    "plan",
                                    plan,
                                    "toleratedFailurePercent",
                                    100,
                                    "stages",
                                    List.of(stage("score", "exit 3"))),
                            true)
                    .start()
                    .result();
            Map<String, Object> score = stageOf(fan, "score");
            assertThat(score)
                    .containsEntry("failedCount", 5L)
                    .containsEntry("failedItemsOmitted", 2L)
                    .containsEntry("failedItemsIn", fan.get("runUri"));
            assertThat((List<Object>) score.get("failedItems")).hasSize(3);
            assertThat(run.getAction(AwsBatchGraphAction.class)
                            .getRecord()
                            .getStages()
                            .get(0)
                            .getFailedItems())
                    .hasSize(3);
        } finally {
            System.clearProperty(FailedItemCap.PROPERTY);
        }
    }

    @Test
    void toleratedFailureAddsAWarningActionToTheStep() throws Exception {
        Map<String, Object> plan = plan(4);
        Step fan = new Step(
                        StepKind.FAN_OUT,
                        Map.of(
                                "plan",
                                plan,
                                "toleratedFailureCount",
                                1,
                                "stages",
                                List.of(stage(
                                        "score",
                                        "[ $((BATCHGRAPH_INDEX_OFFSET + AWS_BATCH_JOB_ARRAY_INDEX)) -ne 2 ]"))),
                        true)
                .start();
        fan.result();
        assertThat(fan.state().node.actions).singleElement().isInstanceOfSatisfying(WarningAction.class, w -> {
            assertThat(w.getResult()).isSameAs(Result.UNSTABLE);
            assertThat(w.getMessage())
                    .startsWith("awsBatchFanOut: ")
                    .contains("score")
                    .contains("items 2");
        });
    }

    @Test
    void stopTerminatesTheRunningLocalJobs() throws Exception {
        Map<String, Object> plan = plan(3);
        Path pids = Files.createDirectories(buildDir.toPath().resolve("pids"));
        Step fan = new Step(
                        StepKind.FAN_OUT,
                        Map.of(
                                "plan",
                                plan,
                                "stages",
                                List.of(stage(
                                        "slow", "echo $$ > '" + pids + "'/$AWS_BATCH_JOB_ARRAY_INDEX; exec sleep 60"))),
                        true)
                .start();
        waitFor(() -> pids.toFile().list().length >= 1, 60_000); // as many as the engine has slots
        List<Long> processes = new ArrayList<>();
        for (File f : pids.toFile().listFiles()) {
            waitFor(() -> f.length() > 0, 10_000);
            processes.add(Long.parseLong(Files.readString(f.toPath()).trim()));
        }
        assertThat(processes)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                        .contains(true));

        InterruptedException cause = new InterruptedException("aborted by user");
        fan.execution.stop(cause);
        FakeContext.State s = fan.await();
        assertThat(s.failure).isSameAs(cause);
        waitFor(
                () -> processes.stream()
                        .noneMatch(pid -> ProcessHandle.of(pid)
                                .map(ProcessHandle::isAlive)
                                .orElse(false)),
                30_000);
        assertThat(s.listener.text()).contains("Asked AWS Batch to terminate 1 job(s)");
        Path state = Path.of(java.net.URI.create((String) plan.get("runUri"))).resolve("state.json");
        assertThat(Files.readString(state)).contains("\"outcome\":\"ABORTED\"");
    }

    @Test
    void aRestartReattachesWithoutASecondSubmitJob() throws Exception {
        Map<String, Object> plan = plan(4);
        Path gate = buildDir.toPath().resolve("gate");
        Step fan = new Step(
                        StepKind.FAN_OUT,
                        Map.of(
                                "plan",
                                plan,
                                "stages",
                                List.of(
                                        stage("score", "while [ ! -f '" + gate + "' ]; do sleep 0.05; done"),
                                        stage("rank", "true"))),
                        true)
                .start();
        waitFor(
                () -> fan.execution.getJournal().getEntries().size() == 2
                        && fan.execution.getPhase() == GraphStepExecution.Phase.TRACKING,
                60_000);
        byte[] saved = Snapshots.serialize(fan.execution);

        // "restart": the old timers and pool are gone, a new console, the execution comes back from disk
        RealEngineFactory.restart(fan.key);
        FakeContext.State after = FakeContext.restart(fan.key);
        GraphStepExecution resumed = Snapshots.deserialize(saved);
        assertThat(resumed.getJournal().getEntries()).hasSize(2);
        resumed.onResume();
        Files.writeString(gate, "go");
        waitFor(after::done, 90_000);

        assertThat(after.failure).as(() -> after.listener.text()).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) after.success;
        assertThat(result).containsEntry("outcome", "SUCCEEDED");
        assertThat(submits(result))
                .as("the engine of the run saw exactly one SubmitJob per stage")
                .isEqualTo(2);
        assertThat(stageOf(result, "score")).containsEntry("status", "SUCCEEDED");
        assertThat(after.listener.text()).contains("Resuming tracking").doesNotContain("Submitted ");
        assertThat(resumed.getJournal().getEntries()).hasSize(2);
    }

    @Test
    void badStageInputFailsBeforeAnythingIsSubmittedWithTheFieldPath() throws Exception {
        Map<String, Object> plan = plan(3);
        Step fan = new Step(
                        StepKind.FAN_OUT,
                        Map.of(
                                "plan",
                                plan,
                                "stages",
                                List.of(Map.of(
                                        "name",
                                        "score",
                                        "jobDefinition",
                                        "score",
                                        "command",
                                        List.of("true"),
                                        "timeout",
                                        10))),
                        true)
                .start();
        FakeContext.State s = fan.await();
        assertThat(s.failure).isInstanceOf(AbortException.class);
        assertThat(s.failure.getMessage()).contains("stages[0].timeout").contains("nothing was submitted");
        assertThat(fan.execution.getJournal().getEntries()).isEmpty();
    }

    @Test
    void aJobDefinitionRevisionBatchDoesNotHaveFailsTheStepBeforeAnySubmit() throws Exception {
        String yaml = String.join(
                "\n",
                "name: preflight",
                "plan:",
                "  items: {list: [a, b]}",
                "jobDefinitions:",
                "  work: {command: [sh, -c, 'true']}",
                "stages:",
                "  - {name: work, type: array, jobDefinition: 'work:2'}",
                "");
        Step run = new Step(StepKind.RUN, Map.of("text", yaml), true).start();
        FakeContext.State s = run.await();
        assertThat(s.failure).isInstanceOf(AbortException.class);
        assertThat(s.failure.getMessage())
                .contains("nothing was submitted")
                .contains(
                        "stages[0].jobDefinition: 'work:2' is not an ACTIVE job definition. Fix: name an ACTIVE revision (work:1)");
        assertThat(run.execution.getJournal().getEntries()).isEmpty();
    }

    @Test
    void awsBatchRunRunsAnInlineGraph() throws Exception {
        String yaml = String.join(
                "\n",
                "name: inline",
                "plan:",
                "  items: {list: [a, b, c]}",
                "jobDefinitions:",
                "  work: {command: [sh, -c, 'true']}",
                "  merge: {command: [sh, -c, 'true']}",
                "stages:",
                "  - {name: work, type: array, jobDefinition: work}",
                "  - {name: merge, type: aggregate, jobDefinition: merge, dependsOn: [work]}",
                "  - {name: cleanup, type: cleanup}",
                "");
        Map<String, Object> result =
                new Step(StepKind.RUN, Map.of("text", yaml), true).start().result();
        assertThat(result)
                .containsEntry("outcome", "SUCCEEDED")
                .containsEntry("name", "inline")
                .containsEntry("itemCount", 3L);
        assertThat(stageOf(result, "work")).containsEntry("status", "SUCCEEDED");
        assertThat(stageOf(result, "merge")).containsEntry("status", "SUCCEEDED");
        assertThat(stageOf(result, "cleanup")).containsEntry("status", "SUCCEEDED");
        assertThat(submits(result)).isEqualTo(2);
    }

    @Test
    void awsBatchRunValidatesItsInputBeforeTheLocalEngineOpensTheRunFolder() throws Exception {
        String yaml = String.join(
                "\n",
                "name: early",
                "plan:",
                "  items: {list: [a, b]}",
                "jobDefinitions:",
                "  work: {command: [sh, -c, 'true']}",
                "stages:",
                "  - {name: work, type: array, jobDefinition: work}",
                "");
        Step run = new Step(StepKind.RUN, Map.of("text", yaml, "runId", "Bad Id"), true).start();
        FakeContext.State s = run.await();
        assertThat(s.failure).isInstanceOf(AbortException.class);
        assertThat(s.failure.getMessage()).contains("nothing was submitted").contains("Bad Id");
        assertThat(new File(buildDir, "batchgraph/Bad Id"))
                .as("no run folder, no local job table")
                .doesNotExist();
    }

    @Test
    void awsBatchCleanupWritesTheRunUnderItsLock() throws Exception {
        Map<String, Object> plan = plan(2);
        String store = (String) plan.get("store");
        io.jenkins.plugins.awsbatch.engine.store.RunLayout layout =
                new io.jenkins.plugins.awsbatch.engine.store.RunLayout(store, (String) plan.get("runId"));
        try (io.jenkins.plugins.awsbatch.engine.lock.RunLock earlier =
                io.jenkins.plugins.awsbatch.engine.lock.RunLock.acquire(
                        new io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore(),
                        layout,
                        "an earlier writer",
                        m -> {})) {
            Map<String, Object> cleanup = new Step(StepKind.CLEANUP, Map.of("plan", plan), true)
                    .start()
                    .result();

            assertThat(cleanup).containsEntry("outcome", "SUCCEEDED");
            assertThat(earlier.isHeld())
                    .as("the cleanup took the run's lock before writing its state")
                    .isFalse();
        }
        Path lock = Path.of(java.net.URI.create(io.jenkins.plugins.awsbatch.engine.lock.RunLock.uriOf(layout)));
        assertThat(lock).as("and released it").doesNotExist();
    }

    /** One result: for the same run, the step returns the fields {@code batchgraph run --json} prints, at every level. */
    @Test
    @SuppressWarnings("unchecked")
    void theReturnMapCarriesTheSameFieldsAsJsonOutput() throws Exception {
        String yaml = String.join(
                "\n",
                "name: same",
                "plan:",
                "  items: {list: [a, b, c]}",
                "jobDefinitions:",
                "  work: {command: [sh, -c, '[ $AWS_BATCH_JOB_ARRAY_INDEX -ne 1 ]']}",
                "  merge: {command: [sh, -c, 'true']}",
                "stages:",
                "  - {name: work, type: array, jobDefinition: work, toleratedFailureCount: 1}",
                "  - {name: merge, type: aggregate, jobDefinition: merge, dependsOn: [work]}",
                "");
        Map<String, Object> returned =
                new Step(StepKind.RUN, Map.of("text", yaml), true).start().result();
        io.jenkins.plugins.awsbatch.engine.run.state.RunState state =
                new io.jenkins.plugins.awsbatch.engine.run.state.RunJournal(
                                new io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore(),
                                io.jenkins.plugins.awsbatch.engine.run.state.Json.mapper())
                        .load(new io.jenkins.plugins.awsbatch.engine.store.RunLayout(
                                (String) returned.get("store"), (String) returned.get("runId")))
                        .orElseThrow();
        String json = io.jenkins.plugins.awsbatch.engine.host.ResultView.json(
                state, io.jenkins.plugins.awsbatch.engine.run.state.RunResult.of(state, Map.of("SubmitJob", 2L), 0));
        Map<String, Object> printed =
                io.jenkins.plugins.awsbatch.engine.run.state.Json.mapper().readValue(json, Map.class);

        assertThat(returned.keySet())
                .containsExactlyInAnyOrderElementsOf(printed.keySet())
                .contains("runId", "outcome", "durationMs", "stages", "calls", "store", "itemsUri", "jobIds");
        assertThat(returned).containsEntry("outcome", "UNSTABLE");
        assertThat(((Number) returned.get("durationMs")).longValue())
                .isEqualTo(((Number) printed.get("durationMs")).longValue());
        List<Map<String, Object>> returnedStages = (List<Map<String, Object>>) returned.get("stages");
        List<Map<String, Object>> printedStages = (List<Map<String, Object>>) printed.get("stages");
        assertThat(returnedStages).hasSameSizeAs(printedStages);
        for (int i = 0; i < printedStages.size(); i++) {
            assertThat(returnedStages.get(i).keySet())
                    .containsExactlyInAnyOrderElementsOf(printedStages.get(i).keySet());
        }
        assertThat(json).as("a stage's status in --json: its name").contains("\"status\":\"UNSTABLE\"");
        assertThat(stageOf(returned, "work"))
                .as("and in the return map: a plain String")
                .containsEntry("status", "UNSTABLE");
        Map<String, Object> failed =
                ((List<Map<String, Object>>) stageOf(returned, "work").get("failedItems")).get(0);
        Map<String, Object> failedPrinted =
                ((List<Map<String, Object>>) printedStages.get(0).get("failedItems")).get(0);
        assertThat(failed.keySet())
                .containsExactlyInAnyOrderElementsOf(failedPrinted.keySet())
                .contains("index", "exitCode");
    }
}
