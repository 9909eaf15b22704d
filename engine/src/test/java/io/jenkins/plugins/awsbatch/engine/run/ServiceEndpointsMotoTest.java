package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchConfig;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import io.jenkins.plugins.awsbatch.engine.batch.local.server.LocalBatchServer;
import io.jenkins.plugins.awsbatch.engine.batch.local.server.ServerOptions;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.track.FailureDigest;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.LazyStores;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code AWS_ENDPOINT_URL_<SERVICE>}: each service of a run goes to its own endpoint (Batch to
 * {@code batchgraph local-batch}, S3 to moto, through an environment given to the options rather than the
 * process's), and the run records them, so a later command without them reaches the same endpoints.
 */
class ServiceEndpointsMotoTest {
    @TempDir
    Path dir;

    @Test
    void batchAndS3GoToTheirOwnEndpointsAndTheRunRecordsThem() throws Exception {
        String moto = MotoSupport.endpoint();
        String bucket = MotoSupport.unique("endpoints");
        try (AwsClients admin = AwsClients.create(MotoSupport.settings(moto).build(), new CallCounter())) {
            admin.s3().createBucket(b -> b.bucket(bucket));
        }
        LocalBatchService service = new LocalBatchService(LocalBatchConfig.defaults(dir.resolve("logs"))
                .withSlots(2)
                .withWorkingDirectory(dir)
                .withRegion(MotoSupport.REGION));
        service.ensureJobQueue("default");
        try (LocalBatchServer server =
                LocalBatchServer.start(service, ServerOptions.defaults().withPort(0))) {
            String batch = server.endpoint().toString();
            Map<String, String> environment = Map.of("AWS_ENDPOINT_URL_BATCH", batch, "AWS_ENDPOINT_URL_S3", moto);
            EngineOptions options = new EngineOptions(
                            EngineKind.AWS,
                            MotoSupport.REGION,
                            null,
                            null,
                            new CredentialsSpec.StaticKeys("testing", "testing", null),
                            null)
                    .withEnvironmentEndpoints(environment::get);
            GraphSpec graph = graph(bucket);

            RunResult result;
            try (RunEngine engine =
                    new EngineFactory(Clock.systemUTC()).create(graph, "per-service", dir, options, RunListener.NONE)) {
                result = GraphRunner.start(engine.services(), graph, dir, "per-service")
                        .runToCompletion();
            }

            assertThat(result.outcome()).as(FailureDigest.oneLine(result)).isEqualTo(Outcome.SUCCEEDED);
            assertThat(service.listJobs(io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest.named(
                                    "default", "per-service*"))
                            .jobs())
                    .as("the jobs ran on local-batch")
                    .isNotEmpty();
            // A later command (status, resume, cleanup) given nothing but the engine finds the run through S3 at moto.
            EngineOptions later = new EngineOptions(
                    EngineKind.AWS, null, null, null, new CredentialsSpec.StaticKeys("testing", "testing", null), null);
            RunState state;
            try (LazyStores stores =
                    EngineFactory.stores(later.orRecorded(MotoSupport.REGION, null, Map.of("s3", moto)))) {
                state = new RunJournal(stores.forUri("s3://" + bucket), Json.mapper())
                        .load(new RunLayout("s3://" + bucket + "/runs", "per-service"))
                        .orElseThrow();
            }
            assertThat(state.endpointUrl).isNull();
            assertThat(state.serviceEndpoints).containsExactlyInAnyOrderEntriesOf(Map.of("batch", batch, "s3", moto));
            EngineOptions resumed = later.orRecorded(state.region, state.endpointUrl, state.serviceEndpoints);
            assertThat(resumed.endpointFor("batch")).isEqualTo(batch);
            assertThat(resumed.endpointFor("s3")).isEqualTo(moto);
            assertThat(resumed.endpointFor("logs")).as("no override: AWS's own").isNull();
        } finally {
            service.close();
        }
    }

    private static GraphSpec graph(String bucket) {
        return new GraphBinder().parse("""
                name: per-service
                engine: aws
                region: us-east-1
                store: s3://%s/runs
                plan: {items: {list: [a, b]}}
                jobDefinitions:
                  sh: {command: [sh, -c, 'true']}
                stages:
                  - {name: work, jobDefinition: sh}
                """.formatted(bucket), List.of());
    }
}
