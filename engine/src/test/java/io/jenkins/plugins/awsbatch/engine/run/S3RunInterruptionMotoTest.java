package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.BatchFixture;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An S3 run interrupted while planning (moto): its journal is already under the run's prefix, with the region
 * and endpoint it was started with, so {@code resume} finds it, plans again and runs it, and {@code cleanup}
 * can reach it; nothing is left that no command knows.
 */
class S3RunInterruptionMotoTest {
    @TempDir
    Path dir;

    @Test
    void anS3RunKilledWhilePlanningIsJournaledWithItsRegionAndEndpointAndResumes() {
        String endpoint = MotoSupport.endpoint();
        MotoSupport.useBatchWithoutDocker();
        AwsClients aws = MotoSupport.clients(new CallCounter());
        BatchFixture fx = BatchFixture.create(aws.batch());
        String bucket = MotoSupport.unique("planning");
        aws.s3().createBucket(b -> b.bucket(bucket));
        GraphSpec graph = new GraphBinder().parse("""
                name: moto
                engine: aws
                region: us-east-1
                store: s3://%s/runs
                queue: %s
                plan: {items: {list: [1, 2, 3]}}
                stages:
                  - {name: a, jobDefinition: %s}
                """.formatted(bucket, fx.queue(), fx.scoreDefinition()), List.of());
        EngineOptions options = new EngineOptions("aws", MotoSupport.REGION, endpoint, null,
                new CredentialsSpec.StaticKeys("testing", "testing", null), null);
        try (RunEngine engine = new EngineFactory(Clock.systemUTC()).create(graph, "s3-planning", dir, options,
                RunListener.NONE)) {
            RunServices dying = RunInterruptionTest.with(engine.services(), b -> b,
                    PowerCutStore.over(engine.services().stores()));
            assertThatThrownBy(() -> GraphRunner.start(dying, graph, dir, "s3-planning"))
                    .hasMessageContaining(PowerCutStore.MESSAGE);

            RunState interrupted = new RunJournal(engine.services().stores().forUri("s3://" + bucket), Json.mapper())
                    .load(new RunLayout("s3://" + bucket + "/runs", "s3-planning")).orElseThrow();
            assertThat(interrupted.itemCount).isEqualTo(-1);
            assertThat(interrupted.region).isEqualTo(MotoSupport.REGION);
            assertThat(interrupted.endpointUrl).startsWith(endpoint);

            RunResult result = GraphRunner.resume(engine.services(), interrupted).runToCompletion();
            assertThat(result.outcome()).as(FailureDigest.oneLine(result)).isEqualTo(Outcome.SUCCEEDED);
            assertThat(result.itemCount()).isEqualTo(3);
        } finally {
            aws.close();
        }
    }
}
