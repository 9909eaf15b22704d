package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import io.jenkins.plugins.awsbatch.engine.batch.EvaluateOnExit;
import io.jenkins.plugins.awsbatch.engine.batch.RetryAction;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.model.BatchException;
import software.amazon.awssdk.services.batch.model.SubmitJobRequest;

/**
 * {@code local-batch} refuses SubmitJob past each AWS Batch limit with exactly the message of {@link BatchLimits}
 * (the one the engine gives before calling AWS), as a 400 ClientException, and serves the boundary value itself.
 */
class EndpointLimitsAgreementTest {
    @TempDir
    static Path dir;
    static Endpoint endpoint;
    static String definition;

    @BeforeAll
    static void start() throws Exception {
        endpoint = Endpoint.start(dir);
        definition = endpoint.registerShell("limits", "true");
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @Test
    void eachLimitIsRefusedWithTheSharedMessageAndItsBoundaryServed() {
        refused(b -> b.arrayProperties(a -> a.size(10_001)), BatchLimits.arraySize(10_001, "arrayProperties.size"));
        refused(b -> b.timeout(t -> t.attemptDurationSeconds(59)),
                BatchLimits.timeout(59, "timeout.attemptDurationSeconds"));
        refused(b -> b.retryStrategy(r -> r.attempts(11)),
                BatchLimits.firstOf(BatchLimits.retryStrategy(RetryStrategy.attempts(11), "retryStrategy")));
        refused(b -> b.retryStrategy(r -> r.attempts(2).evaluateOnExit(e -> e.onExitCode("1x").action("RETRY"))),
                BatchLimits.firstOf(BatchLimits.retryStrategy(new RetryStrategy(2, List.of(
                        new EvaluateOnExit("1x", null, null, RetryAction.RETRY))), "retryStrategy")));
        refused(b -> b.retryStrategy(r -> r.attempts(2).evaluateOnExit(Collections.nCopies(6,
                        software.amazon.awssdk.services.batch.model.EvaluateOnExit.builder().onExitCode("1")
                                .action("RETRY").build()))),
                BatchLimits.firstOf(BatchLimits.retryStrategy(new RetryStrategy(2, Collections.nCopies(6,
                        new EvaluateOnExit("1", null, null, RetryAction.RETRY))), "retryStrategy")));
        refused(b -> b.tags(Map.of("aws:owner", "me")), BatchLimits.tags(Map.of("aws:owner", "me"), "tags"));
        refused(b -> b.jobName("-starts-with-a-hyphen"), BatchLimits.name("-starts-with-a-hyphen", "Job name", "jobName"));

        String boundary = endpoint.batch.submitJob(r -> r.jobName("boundary").jobQueue(Endpoint.QUEUE)
                .jobDefinition(definition).timeout(t -> t.attemptDurationSeconds(60))
                .retryStrategy(s -> s.attempts(10).evaluateOnExit(Collections.nCopies(5,
                        software.amazon.awssdk.services.batch.model.EvaluateOnExit.builder()
                                .onExitCode("1".repeat(512)).action("RETRY").build())))).jobId();
        assertThat(endpoint.awaitTerminal(boundary).statusAsString()).isEqualTo("SUCCEEDED");
    }

    private static void refused(Consumer<SubmitJobRequest.Builder> spoil, BatchLimits.Violation expected) {
        assertThat(expected).isNotNull();
        assertThatThrownBy(() -> endpoint.batch.submitJob(r -> {
            r.jobName("refused").jobQueue(Endpoint.QUEUE).jobDefinition(definition);
            spoil.accept(r);
        })).isInstanceOfSatisfying(BatchException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClientException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(expected.message());
        });
    }
}
