package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.submit.PreflightMotoTest;
import io.jenkins.plugins.awsbatch.engine.run.track.FailureDigest;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Path;
import java.time.Clock;
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
        AwsRunMotoTest.MotoAccount account = AwsRunMotoTest.MotoAccount.create();
        String endpoint = account.endpoint();
        AwsClients aws = account.aws();
        String bucket = account.bucket();
        String definition = account.fx().scoreDefinition();
        GraphSpec graph = PreflightMotoTest.graph(bucket, account.fx().queue(), definition, definition, definition);
        EngineOptions options = new EngineOptions(
                EngineKind.AWS,
                MotoSupport.REGION,
                endpoint,
                null,
                new CredentialsSpec.StaticKeys("testing", "testing", null),
                null);
        try (RunEngine engine =
                new EngineFactory(Clock.systemUTC()).create(graph, "s3-planning", dir, options, RunListener.NONE)) {
            RunServices dying = RunInterruptionTest.with(
                    engine.services(),
                    b -> b,
                    PowerCutStore.over(engine.services().stores()));
            assertThatThrownBy(() -> GraphRunner.start(dying, graph, dir, "s3-planning"))
                    .hasMessageContaining(PowerCutStore.MESSAGE);

            RunState interrupted = new RunJournal(engine.services().stores().forUri("s3://" + bucket), Json.mapper())
                    .load(new RunLayout("s3://" + bucket + "/runs", "s3-planning"))
                    .orElseThrow();
            assertThat(interrupted.itemCount).isEqualTo(-1);
            assertThat(interrupted.region).isEqualTo(MotoSupport.REGION);
            assertThat(interrupted.endpointUrl).startsWith(endpoint);

            RunResult result =
                    GraphRunner.resume(engine.services(), interrupted).runToCompletion();
            assertThat(result.outcome()).as(FailureDigest.oneLine(result)).isEqualTo(Outcome.SUCCEEDED);
            assertThat(result.itemCount()).isEqualTo(3);
        } finally {
            aws.close();
        }
    }
}
