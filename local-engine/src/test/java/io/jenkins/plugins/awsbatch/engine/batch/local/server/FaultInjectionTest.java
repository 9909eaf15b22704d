package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.BatchException;
import software.amazon.awssdk.services.batch.model.JobStatus;

/** {@code --fail-rate} answers a seeded share of calls with 429, which the SDK retries; {@code --latency} slows calls. */
class FaultInjectionTest {
    @TempDir
    Path dir;

    @Test
    void throttledCallsAreRetriedByTheSdkAndSucceed() throws Exception {
        try (Endpoint endpoint = Endpoint.start(dir, ServerOptions.defaults().withFailRate(0.3, 42), null, true)) {
            String definition = endpoint.registerShell("flaky", "true");
            for (int i = 0; i < 20; i++) {
                int n = i;
                String id = endpoint.batch
                        .submitJob(r ->
                                r.jobName("flaky-" + n).jobQueue(Endpoint.QUEUE).jobDefinition(definition))
                        .jobId();
                assertThat(endpoint.describe(id).jobName()).isEqualTo("flaky-" + n);
            }
            assertThat(endpoint.server.throttled()).isGreaterThan(5);
            assertThat(endpoint.batch
                            .listJobs(r -> r.jobQueue(Endpoint.QUEUE)
                                    .filters(f -> f.name("JOB_NAME").values("flaky-*")))
                            .jobSummaryList())
                    .hasSize(20);

            // without retries the 429 reaches the caller as AWS's throttling error
            try (BatchClient noRetries = Endpoint.client(endpoint.server, 1)) {
                assertThatThrownBy(() -> {
                            for (int i = 0; i < 100; i++) {
                                noRetries.describeJobQueues();
                            }
                        })
                        .isInstanceOfSatisfying(BatchException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(429);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
                            assertThat(e.isThrottlingException()).isTrue();
                        });
            }
        }
    }

    @Test
    void latencyIsAddedToEveryCall() throws Exception {
        try (Endpoint endpoint =
                Endpoint.start(dir, ServerOptions.defaults().withLatency(Duration.ofMillis(150)), null, false)) {
            long started = System.nanoTime();
            endpoint.batch.describeJobQueues();
            endpoint.batch.describeComputeEnvironments();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void theSameSeedThrottlesTheSameCalls() throws Exception {
        boolean[] first = pattern(7);
        boolean[] second = pattern(7);
        assertThat(second).isEqualTo(first);
        assertThat(pattern(8)).isNotEqualTo(first);
    }

    private static boolean[] pattern(long seed) {
        FaultInjector faults = new FaultInjector(Duration.ZERO, 0.5, seed);
        boolean[] out = new boolean[64];
        for (int i = 0; i < out.length; i++) {
            try {
                faults.apply();
            } catch (ApiException e) {
                assertThat(e.status()).isEqualTo(429);
                out[i] = true;
            }
        }
        return out;
    }

    @SuppressWarnings("unused")
    private static boolean terminal(JobStatus status) {
        return status == JobStatus.SUCCEEDED || status == JobStatus.FAILED;
    }
}
