package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.CleanupReport;
import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.JobRecord;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.run.track.FailureDigest;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rerun --failed} on the local engine: a finished run's failed items run again as a new round of the same
 * run, and so do the items of the stages after them, until the run succeeds.
 */
class RerunFailedTest {
    @TempDir
    Path dir;

    LocalRunHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new LocalRunHarness(dir);
        // step.py MODE: the item this child stands for (through the index map of a subset); "score" fails items
        // b and d until the file "fixed" exists, "rank" copies score's output of its item, "merge" joins rank's.
        Files.writeString(dir.resolve("step.py"), """
                import json, os, sys
                mode, env = sys.argv[1], os.environ
                out = env["BATCHGRAPH_OUTPUT_URI"][7:]
                os.makedirs(out, exist_ok=True)
                if mode == "merge":
                    parts = sorted(os.listdir(env["BATCHGRAPH_INPUT_URI"][7:]))
                    open(out + "/all.txt", "w").write(",".join(parts))
                    sys.exit(0)
                p = int(env["BATCHGRAPH_INDEX_OFFSET"]) + int(env.get("AWS_BATCH_JOB_ARRAY_INDEX", 0))
                m = env.get("BATCHGRAPH_INDEX_MAP_URI")
                i = json.load(open(m[7:]))[p] if m else p
                if mode == "score":
                    item = json.load(open(env["BATCHGRAPH_ITEMS_URI"][7:] + "/%d.json" % i))
                    if item["id"] in ("b", "d") and not os.path.exists(sys.argv[2]):
                        print("item %s is broken" % item["id"], file=sys.stderr)
                        sys.exit(3)
                    open(out + "/%d.json" % i, "w").write(item["id"])
                else:
                    open(out + "/%d.json" % i, "w").write(open(env["BATCHGRAPH_INPUT_URI"][7:] + "/%d.json" % i).read())
                """);
    }

    /** N_TO_N after score, or (when score may drop failed items) after the whole of it. */
    private GraphSpec graph(String scoreOptions) {
        return graph(scoreOptions, scoreOptions.isEmpty() ? "{stage: score, type: N_TO_N}" : "score");
    }

    private GraphSpec graph(String scoreOptions, String rankDependsOn) {
        String step = "[python3, " + dir.resolve("step.py") + "]";
        return harness.graph("""
                name: rr
                plan: {items: {list: [{id: a}, {id: b}, {id: c}, {id: d}, {id: e}]}}
                jobDefinitions:
                  py: {command: [python3, --version]}
                stages:
                  - {name: score, jobDefinition: py, command: %s%s}
                  - {name: rank, jobDefinition: py, dependsOn: [%s], command: %s}
                  - {name: merge, type: aggregate, jobDefinition: py, dependsOn: [rank], command: %s}
                """.formatted(
                        step.replace("]", ", score, " + dir.resolve("fixed") + "]"),
                        scoreOptions,
                        rankDependsOn,
                        step.replace("]", ", rank]"),
                        step.replace("]", ", merge]")));
    }

    private RunResult run(GraphSpec graph, String runId) {
        try (RunEngine engine = harness.engine(graph, runId)) {
            return GraphRunner.start(engine.services(), graph, dir, runId).runToCompletion();
        }
    }

    /** As the CLI does it: a new process (engine) reads the journal and reruns the run's failed items. */
    private RunResult rerun(GraphSpec graph, String runId) {
        try (RunEngine engine = harness.engine(graph, runId)) {
            RunResult result = GraphRunner.rerunFailed(engine.services(), journaled(graph, runId), null)
                    .runToCompletion();
            assertThat(result.calls()).containsEntry("SubmitJob", 3L); // one array per reopened stage, one merge
            return result;
        }
    }

    private RunState journaled(GraphSpec graph, String runId) {
        return new RunJournal(new LocalObjectStore(), Json.mapper())
                .load(new RunLayout(graph.storeOrDefault(), runId))
                .orElseThrow();
    }

    private List<Long> retryMap(String runId, String stage, int round) throws Exception {
        Path map = LocalObjectStore.toPath(
                new RunLayout(LocalObjectStore.toUri(dir.resolve("runs")), runId).retryMapUri(stage, round));
        return List.of(Json.mapper().readValue(map.toFile(), Long[].class));
    }

    @Test
    void aFailedRunRerunAfterTheFixSucceedsRunningOnlyTheFailedItemsAndTheirDependentsAsANewRound() throws Exception {
        GraphSpec graph = graph("");
        RunResult first = run(graph, "rr-upfront");
        assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(first.mode()).isEqualTo("upfront");
        assertThat(first.stages().get(0).failedItems())
                .extracting(FailedItem::index)
                .containsExactly(1L, 3L);
        assertThat(first.stages().get(1).failedItems())
                .extracting(FailedItem::statusReason)
                .containsOnly("Dependent Job failed");

        Files.writeString(dir.resolve("fixed"), "");
        RunResult again = rerun(graph, "rr-upfront");

        assertThat(again.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(again.runId()).isEqualTo("rr-upfront");
        assertThat(again.stages()).allSatisfy(stage -> {
            assertThat(stage.status()).isEqualTo(StageStatus.SUCCEEDED);
            assertThat(stage.rounds()).isEqualTo(1);
            assertThat(stage.failedItems()).isEmpty();
        });
        assertThat(again.stages().get(0).recoveredInRound()).isEqualTo(Map.of(1L, 1, 3L, 1));
        assertThat(again.stages().get(1).recoveredInRound()).isEqualTo(Map.of(1L, 1, 3L, 1));
        assertThat(again.stages().get(0).counts()).containsEntry(JobStatus.SUCCEEDED, 5);
        assertThat(retryMap("rr-upfront", "score", 1)).containsExactly(1L, 3L);
        assertThat(retryMap("rr-upfront", "rank", 1)).containsExactly(1L, 3L);
        Path run = LocalObjectStore.toPath(again.runUri());
        assertThat(Files.readString(run.resolve("stages/merge/output/all.txt")))
                .isEqualTo("0.json,1.json,2.json,3.json,4.json");
        RunState state = journaled(graph, "rr-upfront");
        assertThat(state.reruns).isEqualTo(1);
        assertThat(state.stage("score").jobs)
                .extracting(JobRecord::jobName)
                .containsExactly("rr-upfront-score-0", "rr-upfront-score-0-r1");
    }

    @Test
    void itemsAStageNeverRanBecauseTheyFailedWithinTheToleranceUpstreamRunThereAfterTheyRecover() throws Exception {
        GraphSpec graph = graph(", toleratedFailureCount: 2");
        RunResult first = run(graph, "rr-tolerated");
        assertThat(first.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(first.stages().get(1).failedItems()).isEmpty(); // rank ran over a, c and e only

        Files.writeString(dir.resolve("fixed"), "");
        RunResult again = rerun(graph, "rr-tolerated");

        assertThat(again.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(retryMap("rr-tolerated", "rank", 1)).containsExactly(1L, 3L);
        assertThat(again.stages().get(1).counts()).containsEntry(JobStatus.SUCCEEDED, 5);
        Path run = LocalObjectStore.toPath(again.runUri());
        assertThat(Files.readString(run.resolve("stages/merge/output/all.txt")))
                .isEqualTo("0.json,1.json,2.json,3.json,4.json");
    }

    @Test
    void aStageSkippedAfterAFailedStageRunsAfreshOnceThatStageRecovers() throws Exception {
        GraphSpec graph = graph(", retryFailedItems: 1");
        RunResult first = run(graph, "rr-gated");
        assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(first.stages().get(1).status()).isEqualTo(StageStatus.SKIPPED);

        Files.writeString(dir.resolve("fixed"), "");
        RunResult again = rerun(graph, "rr-gated");

        assertThat(again.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(again.stages().get(0).rounds()).isEqualTo(2);
        assertThat(retryMap("rr-gated", "score", 2)).containsExactly(1L, 3L);
        assertThat(again.stages().get(1).rounds()).isZero();
        assertThat(again.stages().get(1).counts()).containsEntry(JobStatus.SUCCEEDED, 5);
    }

    @Test
    void aRunThatSucceededOrHasNotFinishedIsRefusedAndLeftAsItWas() throws Exception {
        Files.writeString(dir.resolve("fixed"), "");
        GraphSpec graph = graph("");
        run(graph, "rr-fine");
        try (RunEngine engine = harness.engine(graph, "rr-fine")) {
            assertThatThrownBy(() -> GraphRunner.rerunFailed(engine.services(), journaled(graph, "rr-fine"), null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("run rr-fine ended SUCCEEDED with no failed items: nothing to rerun");
            RunState unfinished = journaled(graph, "rr-fine");
            unfinished.outcome = null;
            assertThatThrownBy(() -> GraphRunner.rerunFailed(engine.services(), unfinished, null))
                    .hasMessageContaining("run rr-fine has not finished: `batchgraph resume rr-fine`");
            assertThat(engine.services().calls().get("SubmitJob")).isZero();
        }
        assertThat(journaled(graph, "rr-fine").outcome).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void aRunWhoseCleanupDeletedItsItemsOrThatWasAbortedIsRefused() {
        RunState state = new RunState();
        state.runId = "rr-gone";
        state.outcome = Outcome.FAILED;
        StageState stage = new StageState();
        stage.failedItems.put(1L, new FailedItem(1, "b", "job-1", 3, "Essential container in task exited", List.of()));
        state.stages.put("score", stage);
        assertThat(GraphRunner.rerunRefusal(state)).isEmpty();

        state.cleanup = new CleanupReport(List.of("items"), 5, List.of(), null);
        assertThat(GraphRunner.rerunRefusal(state))
                .hasValueSatisfying(why -> assertThat(why)
                        .startsWith("run rr-gone was cleaned up (its items and stage outputs are deleted)"));
        state.outcome = Outcome.ABORTED;
        assertThat(GraphRunner.rerunRefusal(state))
                .hasValueSatisfying(why -> assertThat(why).startsWith("run rr-gone was aborted"));
    }

    @Test
    void aRerunInterruptedAfterItsFirstSubmissionIsFinishedByResumeWithoutSubmittingAnythingTwice() throws Exception {
        GraphSpec graph = graph("");
        assertThat(run(graph, "rr-cut").outcome()).isEqualTo(Outcome.FAILED);
        Files.writeString(dir.resolve("fixed"), "");
        try (RunEngine engine = harness.engine(graph, "rr-cut")) {
            GraphRunner cut = GraphRunner.rerunFailed(engine.services(), journaled(graph, "rr-cut"), null);
            cut.step(); // score's round is submitted and journaled; the process dies once it ended
            assertThat(engine.services().calls().get("SubmitJob")).isEqualTo(1);
            // (closing an in-process local engine stops its running jobs, as a host restart would)
            String round = cut.state().stage("score").jobsOfRound(1).get(0).jobId();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!engine.services()
                    .batch()
                    .describeJobs(List.of(round))
                    .get(0)
                    .status()
                    .isTerminal()) {
                assertThat(System.currentTimeMillis()).as("score's round ends").isLessThan(deadline);
                engine.services().sleeper().sleep(java.time.Duration.ofMillis(50));
            }
        }
        RunState left = journaled(graph, "rr-cut");
        assertThat(left.outcome).isNull();
        assertThat(left.stage("rank").rerunPending).isTrue();

        try (RunEngine engine = harness.engine(graph, "rr-cut")) {
            RunResult result = GraphRunner.resume(engine.services(), left).runToCompletion();
            assertThat(result.outcome()).as(FailureDigest.oneLine(result)).isEqualTo(Outcome.SUCCEEDED);
            assertThat(engine.services().calls().get("SubmitJob")).isEqualTo(2); // rank's round and merge only
        }
        assertThat(journaled(graph, "rr-cut").stage("score").jobs)
                .extracting(JobRecord::jobName)
                .containsExactly("rr-cut-score-0", "rr-cut-score-0-r1");
    }
}
