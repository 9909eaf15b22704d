package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageResult;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.run.track.FailureDigest;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner end to end on the embedded local engine: real processes, real files. */
class GraphRunnerLocalTest {
    @TempDir
    Path dir;

    LocalRunHarness harness;

    @BeforeEach
    void setUp() {
        harness = new LocalRunHarness(dir);
    }

    private static String graph(String stages, int items) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < items; i++) {
            list.append(i == 0 ? "" : ", ").append("{id: it").append(i).append("}");
        }
        return "name: t\nplan: {items: {list: " + list + "]}}\n"
                + "jobDefinitions:\n  sh: {command: [sh, -c, 'true']}\n"
                + "stages:\n" + stages;
    }

    @Test
    void arrayStagesPairedNToNThenAggregateSucceedAndEachChildReadsItsOwnItem() throws Exception {
        RunResult result = harness.run(graph("""
                  - name: score
                    jobDefinition: sh
                    command: [sh, -c, 'i=$((BATCHGRAPH_INDEX_OFFSET + AWS_BATCH_JOB_ARRAY_INDEX)); d=${BATCHGRAPH_OUTPUT_URI#file://}; mkdir -p $d; cat ${BATCHGRAPH_ITEMS_URI#file://}/$i.json > $d/$i.json']
                  - name: rank
                    jobDefinition: sh
                    dependsOn: [{stage: score, type: N_TO_N}]
                    command: [sh, -c, 'i=$((BATCHGRAPH_INDEX_OFFSET + AWS_BATCH_JOB_ARRAY_INDEX)); d=${BATCHGRAPH_OUTPUT_URI#file://}; mkdir -p $d; cp ${BATCHGRAPH_INPUT_URI#file://}/$i.json $d/$i.json']
                  - name: merge
                    type: aggregate
                    jobDefinition: sh
                    dependsOn: [rank]
                    command: [sh, -c, 'd=${BATCHGRAPH_OUTPUT_URI#file://}; mkdir -p $d; cat ${BATCHGRAPH_INPUT_URI#file://}/*.json > $d/all.txt']
                """, 5));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.mode()).isEqualTo("upfront");
        Path merged = harness.runFolder(result).resolve("stages/merge/output/all.txt");
        assertThat(Files.readString(merged)).contains("\"id\":\"it0\"", "\"id\":\"it4\"");
        assertThat(result.stages().get(0).counts()).containsEntry(JobStatus.SUCCEEDED, 5);
        // arrays, not loops: one SubmitJob per stage for 5 items
        assertThat(result.calls()).containsEntry("SubmitJob", 3L);
    }

    @Test
    void everySubmittedJobIdIsInTheJournalWithItsChunk() throws Exception {
        RunResult result = harness.run(graph("""
                  - {name: a, jobDefinition: sh}
                  - {name: b, type: single, jobDefinition: sh, dependsOn: [a]}
                """, 3));

        RunState state = new RunJournal(new LocalObjectStore(), Json.mapper())
                .load(new RunLayout(LocalObjectStore.toUri(dir.resolve("runs")), result.runId()))
                .orElseThrow();
        assertThat(state.stage("a").jobs).singleElement().satisfies(job -> {
            assertThat(job.jobId()).isEqualTo(result.stages().get(0).jobIds().get(0));
            assertThat(job.size()).isEqualTo(3);
            assertThat(job.jobName()).isEqualTo(result.runId() + "-a-0");
        });
        assertThat(state.outcome).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void failedChildIsReportedWithItemKeyExitCodeAndLogTailAndDependentsFailUnrun() {
        RunResult result = harness.run(graph("""
                  - name: a
                    jobDefinition: sh
                    command: [sh, -c, 'if [ "$AWS_BATCH_JOB_ARRAY_INDEX" = 2 ]; then echo "boom on item two" >&2; exit 7; fi']
                  - {name: b, jobDefinition: sh, dependsOn: [{stage: a, type: N_TO_N}]}
                """, 4));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        StageResult a = result.stages().get(0);
        assertThat(a.failedItems()).singleElement().satisfies(item -> {
            assertThat(item.index()).isEqualTo(2);
            assertThat(item.key()).isEqualTo("it2");
            assertThat(item.exitCode()).isEqualTo(7);
            assertThat(item.statusReason()).isEqualTo("Essential container in task exited");
            assertThat(item.logTail()).contains("boom on item two");
        });
        StageResult b = result.stages().get(1);
        assertThat(b.failedItems()).singleElement().satisfies(item -> {
            assertThat(item.index()).isEqualTo(2);
            assertThat(item.statusReason()).isEqualTo("Dependent Job failed");
        });
        assertThat(b.counts()).containsEntry(JobStatus.SUCCEEDED, 3);
        assertThat(FailureDigest.oneLine(result)).contains("a: 1 failed (items 2)");
    }

    @Test
    void toleratedFailuresEndUnstableAndTheNextStageRunsOverTheSucceededItemsOnly() throws Exception {
        RunResult result = harness.run(graph("""
                  - name: a
                    jobDefinition: sh
                    toleratedFailurePercent: 25
                    command: [sh, -c, 'test "$AWS_BATCH_JOB_ARRAY_INDEX" != 1']
                  - name: b
                    jobDefinition: sh
                    dependsOn: [a]
                    command: [sh, -c, 'p=$((BATCHGRAPH_INDEX_OFFSET + AWS_BATCH_JOB_ARRAY_INDEX)); d=${BATCHGRAPH_OUTPUT_URI#file://}; mkdir -p $d; echo $p > $d/$AWS_BATCH_JOB_ARRAY_INDEX.pos; cat ${BATCHGRAPH_INDEX_MAP_URI#file://} > $d/map.json']
                """, 4));

        assertThat(result.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(result.mode()).isEqualTo("gated");
        assertThat(result.stages().get(0).status()).isEqualTo(StageStatus.UNSTABLE);
        assertThat(result.stages().get(1).counts()).containsEntry(JobStatus.SUCCEEDED, 3);
        Path out = harness.runFolder(result).resolve("stages/b/output");
        assertThat(Files.readString(out.resolve("map.json"))).isEqualTo("[0,2,3]");
    }

    @Test
    void failuresOverTheToleranceFailTheRunSkipLaterStagesAndCleanupStillRuns() {
        RunResult result = harness.run(graph("""
                  - name: a
                    jobDefinition: sh
                    toleratedFailureCount: 1
                    command: [sh, -c, 'test "$AWS_BATCH_JOB_ARRAY_INDEX" -lt 2']
                  - {name: b, jobDefinition: sh, dependsOn: [a]}
                  - {name: cleanup, type: cleanup}
                """, 4));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.stages().get(1).status()).isEqualTo(StageStatus.SKIPPED);
        assertThat(result.stages().get(1).jobIds()).isEmpty();
        assertThat(result.stages().get(2).status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(Files.exists(harness.runFolder(result).resolve("items"))).isFalse();
    }

    @Test
    void retryFailedItemsResubmitsOnlyTheFailedItemsAndReportsTheRoundThatRecoveredThem() throws Exception {
        Path marker = dir.resolve("flaky");
        Files.createDirectories(marker);
        RunResult result = harness.run(graph("""
                  - name: a
                    jobDefinition: sh
                    retryFailedItems: 2
                    command: [sh, -c, 'i=$(python3 -c "import json,os;m=os.environ.get(\\"BATCHGRAPH_INDEX_MAP_URI\\");p=int(os.environ[\\"BATCHGRAPH_INDEX_OFFSET\\"])+int(os.environ.get(\\"AWS_BATCH_JOB_ARRAY_INDEX\\",0));print(json.load(open(m[7:]))[p] if m else p)"); if [ $i = 1 ] || [ $i = 3 ]; then [ -f %s/$i ] && exit 0; touch %s/$i; exit 3; fi']
                """.formatted(marker, marker), 5));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        StageResult a = result.stages().get(0);
        assertThat(a.rounds()).isEqualTo(1);
        assertThat(a.recoveredInRound()).isEqualTo(java.util.Map.of(1L, 1, 3L, 1));
        assertThat(a.jobIds()).hasSize(2);
        assertThat(result.calls()).containsEntry("SubmitJob", 2L);
    }

    @Test
    void aggregateCountFromPartitionsRunsOneJobPerDistinctKeyWithItsPartition() throws Exception {
        RunResult result = harness.run(graph("""
                  - name: a
                    jobDefinition: sh
                    command: [sh, -c, 'd=${BATCHGRAPH_OUTPUT_URI#file://}; mkdir -p $d; echo "k$((AWS_BATCH_JOB_ARRAY_INDEX % 2))" > $d/$AWS_BATCH_JOB_ARRAY_INDEX.partitions']
                  - name: agg
                    type: aggregate
                    jobDefinition: sh
                    dependsOn: [a]
                    count: {partitionsFrom: a}
                    command: [sh, -c, 'd=${BATCHGRAPH_OUTPUT_URI#file://}; mkdir -p $d; touch $d/$BATCHGRAPH_PARTITION']
                """, 5));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        try (Stream<Path> files = Files.list(harness.runFolder(result).resolve("stages/agg/output"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("k0", "k1");
        }
    }

    @Test
    void aggregateCountExpressionOfTheItemCountSubmitsThatManyJobs() {
        RunResult result = harness.run(graph("""
                  - {name: a, jobDefinition: sh}
                  - {name: agg, type: aggregate, jobDefinition: sh, dependsOn: [a], count: "ceil(items / 2)"}
                """, 5));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.stages().get(1).counts()).containsEntry(JobStatus.SUCCEEDED, 3);
    }

    @Test
    void aFailedChildOfAnAggregationArrayIsNamedByItsJobNotByAnItemKey() {
        RunResult result = harness.run(graph("""
                  - {name: a, jobDefinition: sh}
                  - name: agg
                    type: aggregate
                    jobDefinition: sh
                    dependsOn: [a]
                    count: 3
                    command: [sh, -c, 'test "$AWS_BATCH_JOB_ARRAY_INDEX" != 1']
                """, 5));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.stages().get(1).failedItems()).singleElement().satisfies(item -> {
            assertThat(item.index()).isEqualTo(1);
            assertThat(item.key()).isEqualTo(result.runId() + "-agg-0:1");
        });
    }

    @Test
    void zeroItemsSkipsFanOutAndSucceedsWithAClearMessage() {
        RunResult result = harness.run("""
                name: t
                plan: {items: {list: []}}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                stages:
                  - {name: a, jobDefinition: sh}
                  - {name: cleanup, type: cleanup}
                """);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.itemCount()).isZero();
        assertThat(result.stages().get(0).status()).isEqualTo(StageStatus.SKIPPED);
        assertThat(result.stages().get(0).reason()).isEqualTo("no items");
        assertThat(result.message()).contains("no items");
        assertThat(result.calls()).doesNotContainKey("SubmitJob");
    }

    @Test
    void cleanupDeletesItemsAndArrayOutputsButKeepsAggregateOutputStateAndManifest() throws Exception {
        RunResult result = harness.run(graph("""
                  - name: a
                    jobDefinition: sh
                    command: [sh, -c, 'd=${BATCHGRAPH_OUTPUT_URI#file://}; mkdir -p $d; touch $d/$AWS_BATCH_JOB_ARRAY_INDEX.json']
                  - name: agg
                    type: aggregate
                    jobDefinition: sh
                    dependsOn: [a]
                    command: [sh, -c, 'd=${BATCHGRAPH_OUTPUT_URI#file://}; mkdir -p $d; echo done > $d/result.txt']
                  - {name: cleanup, type: cleanup}
                """, 3));

        Path run = harness.runFolder(result);
        assertThat(result.cleanup().deletedObjects()).isEqualTo(6);
        assertThat(run.resolve("items")).doesNotExist();
        assertThat(run.resolve("stages/a")).doesNotExist();
        assertThat(run.resolve("stages/agg/output/result.txt")).hasContent("done");
        assertThat(run.resolve("state.json")).exists();
        assertThat(run.resolve("manifest.json")).exists();
        assertThat(run.getParent().toFile().list())
                .containsExactly(run.getFileName().toString());
    }

    @Test
    void abortTerminatesRunningJobsEndsAbortedAndStillCleansUp() throws Exception {
        GraphSpec graph = harness.graph(graph("""
                  - {name: a, jobDefinition: sh, command: [sh, -c, 'sleep 30']}
                  - {name: cleanup, type: cleanup}
                """, 3));
        try (RunEngine engine = harness.engine(graph, "abort-run")) {
            GraphRunner runner = GraphRunner.start(engine.services(), graph, dir, "abort-run");
            long deadline = System.currentTimeMillis() + 10_000;
            while (runner.state().stage("a").counts.getOrDefault(JobStatus.RUNNING, 0) < 2
                    && System.currentTimeMillis() < deadline) {
                runner.step();
                Thread.sleep(20);
            }
            long before = System.currentTimeMillis();
            runner.abort("test");
            RunResult result = runner.result();

            assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
            assertThat(System.currentTimeMillis() - before).isLessThan(15_000);
            String parent = result.stages().get(0).jobIds().get(0);
            // terminated: the parent is FAILED once its killed children's processes have exited
            JobStatus parentStatus = null;
            long exited = System.currentTimeMillis() + 10_000;
            while (parentStatus != JobStatus.FAILED && System.currentTimeMillis() < exited) {
                parentStatus = engine.services()
                        .batch()
                        .describeJobs(List.of(parent))
                        .get(0)
                        .status();
                Thread.sleep(20);
            }
            assertThat(parentStatus).isEqualTo(JobStatus.FAILED);
            assertThat(result.stages().get(1).status()).isEqualTo(StageStatus.SUCCEEDED);
            assertThat(result.outcome().exitCode()).isEqualTo(130);
        }
    }

    @Test
    void resumeReattachesToJournaledJobsWithoutSubmittingThemAgain() throws Exception {
        GraphSpec graph = harness.graph(graph("""
                  - {name: a, jobDefinition: sh, command: [sh, -c, 'sleep 1']}
                  - {name: b, type: single, jobDefinition: sh, dependsOn: [a]}
                """, 2));
        RunState journaled;
        try (RunEngine engine = harness.engine(graph, "resume-run")) {
            GraphRunner first = GraphRunner.start(engine.services(), graph, dir, "resume-run");
            first.step();
            journaled = first.state();
            assertThat(engine.services().calls().get("SubmitJob")).isEqualTo(2);
        }
        // a new process: a new engine reloads the job table from the run folder, the journal from the store
        RunState reloaded = new RunJournal(new LocalObjectStore(), Json.mapper())
                .load(new RunLayout(journaled.storeUri, "resume-run"))
                .orElseThrow();
        try (RunEngine engine = harness.engine(graph, "resume-run")) {
            RunResult result = GraphRunner.resume(engine.services(), reloaded).runToCompletion();
            assertThat(engine.services().calls().get("SubmitJob")).isZero();
            assertThat(result.stages().get(0).jobIds())
                    .isEqualTo(journaled.stage("a").jobIds());
            assertThat(result.outcome()).isIn(Outcome.SUCCEEDED, Outcome.FAILED);
        }
    }

    @Test
    void anInvalidGraphIsRejectedBeforeAnythingIsWritten() {
        GraphSpec graph = harness.graph(graph("""
                  - {name: a, jobDefinition: nope}
                """, 2));
        try (RunEngine engine = harness.engine(
                graph.withStages(List.of(
                        graph.stages().get(0).toBuilder().jobDefinition("sh").build())),
                "x")) {
            assertThatThrownBy(() -> GraphRunner.start(engine.services(), graph, dir, "invalid-run"))
                    .isInstanceOf(GraphValidationException.class)
                    .hasMessageContaining("stages[0].jobDefinition");
            assertThat(LocalObjectStore.toPath(new RunLayout(graph.storeOrDefault(), "invalid-run").runUri()))
                    .doesNotExist();
            assertThat(engine.services().calls().snapshot()).isEmpty();
        }
    }
}
