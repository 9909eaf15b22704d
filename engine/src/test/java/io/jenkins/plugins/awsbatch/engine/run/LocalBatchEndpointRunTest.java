package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchConfig;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import io.jenkins.plugins.awsbatch.engine.batch.local.server.LocalBatchServer;
import io.jenkins.plugins.awsbatch.engine.batch.local.server.ServerOptions;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageResult;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS path with real scheduling: the runner talks to {@code batchgraph local-batch} through the AWS SDK,
 * exactly as it talks to AWS Batch, and the endpoint's local engine keeps Batch's rules.
 */
class LocalBatchEndpointRunTest {
    @TempDir
    Path dir;

    private GraphSpec graph() {
        return graph("test \"$AWS_BATCH_JOB_ARRAY_INDEX\" != 2 || exit 9");
    }

    /** score, rank after it N_TO_N, merge after rank; {@code scoreCommand} is score's shell command. */
    private GraphSpec graph(String scoreCommand) {
        return new GraphBinder()
                .parse("""
                name: via-endpoint
                engine: aws
                region: us-east-1
                store: %s
                plan: {items: {list: [a, b, c, d]}}
                jobDefinitions:
                  sh: {command: [sh, -c, 'true']}
                stages:
                  - name: score
                    jobDefinition: sh
                    command: [sh, -c, '%s']
                  - {name: rank, jobDefinition: sh, dependsOn: [{stage: score, type: N_TO_N}]}
                  - {name: merge, type: aggregate, jobDefinition: sh, dependsOn: [rank]}
                """.formatted(LocalObjectStore.toUri(dir.resolve("runs")), scoreCommand), List.of());
    }

    @Test
    void aGraphRunsThroughTheRealBatchApiWithBatchsSchedulingRules() throws Exception {
        LocalBatchService service = new LocalBatchService(LocalBatchConfig.defaults(dir.resolve("logs"))
                .withSlots(2)
                .withWorkingDirectory(dir)
                .withRegion("us-east-1"));
        service.ensureJobQueue("default");
        try (LocalBatchServer server =
                        LocalBatchServer.start(service, ServerOptions.defaults().withPort(0));
                RunEngine engine = new EngineFactory(Clock.systemUTC())
                        .create(
                                graph(),
                                "ep-1",
                                dir,
                                new EngineOptions(
                                        EngineKind.AWS,
                                        "us-east-1",
                                        server.endpoint().toString(),
                                        null,
                                        new CredentialsSpec.StaticKeys("local", "local", null),
                                        null),
                                RunListener.NONE)) {
            RunResult result =
                    GraphRunner.start(engine.services(), graph(), dir, "ep-1").runToCompletion();

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.stages().get(0).failedItems()).singleElement().satisfies(item -> {
                assertThat(item.index()).isEqualTo(2);
                assertThat(item.key()).isEqualTo("c");
                assertThat(item.exitCode()).isEqualTo(9);
            });
            // N_TO_N isolation through the API: only rank's child 2 failed, by dependency
            assertThat(result.stages().get(1).counts())
                    .containsEntry(JobStatus.SUCCEEDED, 3)
                    .containsEntry(JobStatus.FAILED, 1);
            assertThat(result.stages().get(1).failedItems().get(0).statusReason())
                    .isEqualTo("Dependent Job failed");
            assertThat(result.stages().get(2).status()).isEqualTo(StageStatus.FAILED);
            assertThat(result.calls()).containsEntry("SubmitJob", 3L).containsKey("RegisterJobDefinition");
        } finally {
            service.close();
        }
    }

    @Test
    void aFailedRunIsRerunThroughTheRealBatchApiAsANewRoundOfTheSameRun() throws Exception {
        // item c fails until the file "fixed" exists; a retry child finds its item through the index map
        GraphSpec graph =
                graph("i=$((BATCHGRAPH_INDEX_OFFSET + AWS_BATCH_JOB_ARRAY_INDEX)); [ -n \"$BATCHGRAPH_INDEX_MAP_URI\" ]"
                        + " && i=$(tr -d \"[]\" < ${BATCHGRAPH_INDEX_MAP_URI#file://} | cut -d, -f$((i + 1))); [ $i != 2 ] || [ -f "
                        + dir.resolve("fixed") + " ] || exit 9");
        LocalBatchService service = new LocalBatchService(LocalBatchConfig.defaults(dir.resolve("logs"))
                .withSlots(2)
                .withWorkingDirectory(dir)
                .withRegion("us-east-1"));
        service.ensureJobQueue("default");
        try (LocalBatchServer server =
                LocalBatchServer.start(service, ServerOptions.defaults().withPort(0))) {
            EngineOptions options = new EngineOptions(
                    EngineKind.AWS,
                    "us-east-1",
                    server.endpoint().toString(),
                    null,
                    new CredentialsSpec.StaticKeys("local", "local", null),
                    null);
            try (RunEngine engine =
                    new EngineFactory(Clock.systemUTC()).create(graph, "ep-2", dir, options, RunListener.NONE)) {
                assertThat(GraphRunner.start(engine.services(), graph, dir, "ep-2")
                                .runToCompletion()
                                .outcome())
                        .isEqualTo(Outcome.FAILED);
            }
            Files.writeString(dir.resolve("fixed"), "");
            try (RunEngine engine =
                    new EngineFactory(Clock.systemUTC()).create(graph, "ep-2", dir, options, RunListener.NONE)) {
                RunState state = new RunJournal(new LocalObjectStore(), Json.mapper())
                        .load(new io.jenkins.plugins.awsbatch.engine.store.RunLayout(graph.storeOrDefault(), "ep-2"))
                        .orElseThrow();
                RunResult result =
                        GraphRunner.rerunFailed(engine.services(), state, null).runToCompletion();

                assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
                assertThat(result.stages()).extracting(StageResult::rounds).containsExactly(1, 1, 1);
                assertThat(result.stages().get(0).recoveredInRound()).isEqualTo(java.util.Map.of(2L, 1));
                assertThat(result.stages().get(1).counts()).containsEntry(JobStatus.SUCCEEDED, 4);
                // the failed item in score and rank (no arrays of one), merge again: nothing that succeeded
                assertThat(result.calls()).containsEntry("SubmitJob", 3L);
            }
        } finally {
            service.close();
        }
    }

    @Test
    void aLocalFolderStoreWithRealAwsIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> new EngineFactory(Clock.systemUTC())
                        .create(
                                graph(),
                                "x",
                                dir,
                                new EngineOptions(
                                        EngineKind.AWS,
                                        "us-east-1",
                                        null,
                                        null,
                                        new CredentialsSpec.StaticKeys("k", "s", null),
                                        null),
                                RunListener.NONE))
                .isInstanceOf(GraphValidationException.class)
                .hasMessageContaining("store: jobs on AWS Batch cannot read a local folder");
        assertThat(Files.exists(dir.resolve("runs"))).isFalse();
    }
}
