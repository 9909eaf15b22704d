package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchConfig;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import io.jenkins.plugins.awsbatch.engine.batch.local.server.LocalBatchServer;
import io.jenkins.plugins.awsbatch.engine.batch.local.server.ServerOptions;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
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
        return new GraphBinder().parse("""
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
                    command: [sh, -c, 'test "$AWS_BATCH_JOB_ARRAY_INDEX" != 2 || exit 9']
                  - {name: rank, jobDefinition: sh, dependsOn: [{stage: score, type: N_TO_N}]}
                  - {name: merge, type: aggregate, jobDefinition: sh, dependsOn: [rank]}
                """.formatted(LocalObjectStore.toUri(dir.resolve("runs"))), List.of());
    }

    @Test
    void aGraphRunsThroughTheRealBatchApiWithBatchsSchedulingRules() throws Exception {
        LocalBatchService service = new LocalBatchService(LocalBatchConfig.defaults(dir.resolve("logs")).withSlots(2)
                .withWorkingDirectory(dir).withRegion("us-east-1"));
        service.ensureJobQueue("default");
        try (LocalBatchServer server = LocalBatchServer.start(service, ServerOptions.defaults().withPort(0));
             RunEngine engine = new EngineFactory(Clock.systemUTC()).create(graph(), "ep-1", dir,
                     new EngineOptions("aws", "us-east-1", server.endpoint().toString(), null,
                             new CredentialsSpec.StaticKeys("local", "local", null), null), RunListener.NONE)) {
            RunResult result = GraphRunner.start(engine.services(), graph(), dir, "ep-1").runToCompletion();

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.stages().get(0).failedItems()).singleElement().satisfies(item -> {
                assertThat(item.index()).isEqualTo(2);
                assertThat(item.key()).isEqualTo("c");
                assertThat(item.exitCode()).isEqualTo(9);
            });
            // N_TO_N isolation through the API: only rank's child 2 failed, by dependency
            assertThat(result.stages().get(1).counts()).containsEntry(JobStatus.SUCCEEDED, 3).containsEntry(JobStatus.FAILED, 1);
            assertThat(result.stages().get(1).failedItems().get(0).statusReason()).isEqualTo("Dependent Job failed");
            assertThat(result.stages().get(2).status()).isEqualTo("FAILED");
            assertThat(result.calls()).containsEntry("SubmitJob", 3L).containsKey("RegisterJobDefinition");
        } finally {
            service.close();
        }
    }

    @Test
    void aLocalFolderStoreWithRealAwsIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> new EngineFactory(Clock.systemUTC()).create(graph(), "x", dir,
                new EngineOptions("aws", "us-east-1", null, null, new CredentialsSpec.StaticKeys("k", "s", null), null),
                RunListener.NONE))
                .isInstanceOf(GraphValidationException.class)
                .hasMessageContaining("store: jobs on AWS Batch cannot read a local folder");
        assertThat(Files.exists(dir.resolve("runs"))).isFalse();
    }
}
