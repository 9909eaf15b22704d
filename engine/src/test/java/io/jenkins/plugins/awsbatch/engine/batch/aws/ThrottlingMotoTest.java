package io.jenkins.plugins.awsbatch.engine.batch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.DependencyType;
import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import io.jenkins.plugins.awsbatch.engine.store.S3ObjectStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * A fault-injecting proxy between the SDK and moto answers every third request with 429
 * TooManyRequestsException or 500: the same graph still gets submitted, tracked and stored, with the same job
 * set as without faults, and no job submitted twice.
 */
class ThrottlingMotoTest {

    /** The default adaptive strategy with a shorter backoff, so the test takes seconds, not a minute. */
    private static RetryStrategy fastRetries() {
        return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .maxAttempts(10)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(10), Duration.ofMillis(200)))
                .throttlingBackoffStrategy(
                        BackoffStrategy.exponentialDelay(Duration.ofMillis(20), Duration.ofMillis(400)))
                .build();
    }

    record Outcome(
            List<String> jobShapes,
            Map<String, Long> jobsPerName,
            Map<JobStatus, Integer> summary,
            int storedObjects) {}

    @Test
    void throttlingAndServerErrorsSlowTheRunButNeverFailItOrDuplicateJobs() throws Exception {
        String moto = MotoSupport.endpoint();
        Outcome clean;
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(moto, 0)) {
            clean = runGraph(proxy, new CallCounter());
        }
        CallCounter calls = new CallCounter();
        Outcome faulty;
        AwsClientsAttempts attempts = new AwsClientsAttempts();
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(moto, 3)) {
            long t0 = System.nanoTime();
            faulty = runGraph(proxy, calls, attempts);
            System.err.println("faulty run: " + (System.nanoTime() - t0) / 1_000_000 + " ms, calls " + calls.snapshot()
                    + ", attempts " + attempts.counter.snapshot() + ", injected 429: " + proxy.throttled()
                    + ", 500: " + proxy.serverErrors());
            assertThat(proxy.throttled()).isGreaterThan(3);
            assertThat(proxy.serverErrors()).isGreaterThan(3);
            // Every submit reached moto exactly once per job.
            assertThat(proxy.forwarded("/v1/submitjob")).hasSize(4);
        }
        assertThat(faulty.jobShapes()).isEqualTo(clean.jobShapes());
        assertThat(faulty.jobsPerName().values()).containsOnly(1L);
        assertThat(faulty.summary()).isEqualTo(clean.summary());
        assertThat(faulty.storedObjects()).isEqualTo(clean.storedObjects()).isEqualTo(12);
        // Logical calls are what the engine asked for; attempts include the retries the faults caused.
        assertThat(calls.get("SubmitJob")).isEqualTo(4);
        long totalCalls =
                calls.snapshot().values().stream().mapToLong(Long::longValue).sum();
        long totalAttempts = attempts.counter.snapshot().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertThat(totalAttempts).isGreaterThan(totalCalls);
    }

    /** Holder so the test can read the attempts of the client set it built. */
    static final class AwsClientsAttempts {
        CallCounter counter = new CallCounter();
    }

    private Outcome runGraph(FaultInjectingProxy proxy, CallCounter calls) {
        return runGraph(proxy, calls, new AwsClientsAttempts());
    }

    private Outcome runGraph(FaultInjectingProxy proxy, CallCounter calls, AwsClientsAttempts attempts) {
        try (AwsClients aws = AwsClients.create(
                MotoSupport.settings(proxy.endpoint()).build(),
                calls,
                RegionResolver.system(),
                ThrottlingMotoTest::fastRetries)) {
            attempts.counter = aws.attempts();
            BatchFixture fx = BatchFixture.create(aws.batch());
            AwsBatchService batch = aws.batchService();
            String run = MotoSupport.unique("thr");

            // Plan: records in S3.
            String bucket = run + "-bucket";
            aws.s3().createBucket(r -> r.bucket(bucket));
            S3ObjectStore store = aws.objectStore();
            Map<String, byte[]> records = new LinkedHashMap<>();
            for (int i = 0; i < 12; i++) {
                records.put(
                        "s3://" + bucket + "/runs/" + run + "/items/" + i + ".json", ("{\"i\":" + i + "}").getBytes());
            }
            store.putAll(records);

            // Fan out and aggregate.
            Map<String, String> tags = Map.of("batchgraph:run", run);
            String a = batch.submitJob(
                            base(run, "a", fx).arraySize(10).tags(tags).build())
                    .jobId();
            String b = batch.submitJob(base(run, "b", fx)
                            .arraySize(10)
                            .tags(tags)
                            .dependsOn(List.of(new JobDependency(a, DependencyType.N_TO_N)))
                            .build())
                    .jobId();
            String c = batch.submitJob(base(run, "c", fx)
                            .arraySize(10)
                            .tags(tags)
                            .dependsOn(List.of(new JobDependency(b, DependencyType.N_TO_N)))
                            .build())
                    .jobId();
            String merge = batch.submitJob(base(run, "merge", fx)
                            .tags(tags)
                            .dependsOn(List.of(JobDependency.on(c)))
                            .build())
                    .jobId();

            // Track: a few polls of the parents, children listed by status.
            Map<JobStatus, Integer> summary = new TreeMap<>();
            for (int poll = 0; poll < 3; poll++) {
                summary.clear();
                for (JobDetail d : batch.describeJobs(List.of(a, b, c, merge))) {
                    d.statusSummary().forEach((k, v) -> summary.merge(k, v, Integer::sum));
                }
            }
            for (String parent : List.of(a, b, c)) {
                assertThat(batch.listJobs(ListJobsRequest.children(parent, JobStatus.SUCCEEDED))
                                .jobs())
                        .hasSize(10);
            }

            // What moto holds: one job per name, with its shape.
            List<JobSummary> jobs = batch.listJobs(new ListJobsRequest(fx.queue(), null, null, run + "-*", null, null))
                    .jobs();
            Map<String, Long> perName = new TreeMap<>();
            jobs.forEach(j -> perName.merge(j.jobName(), 1L, Long::sum));
            List<String> shapes = new ArrayList<>();
            for (JobDetail d :
                    batch.describeJobs(jobs.stream().map(JobSummary::jobId).toList())) {
                shapes.add(d.jobName().substring(run.length()) + " size=" + d.arraySize() + " deps="
                        + d.dependsOn().stream()
                                .map(dep -> dep.type() == null
                                        ? "whole"
                                        : dep.type().name())
                                .toList()
                        + " tags=" + d.tags().keySet());
            }
            shapes.sort(null);
            int stored =
                    store.list("s3://" + bucket + "/runs/" + run + "/items/").size();
            return new Outcome(shapes, perName, summary, stored);
        }
    }

    private static SubmitJobRequest.Builder base(String run, String stage, BatchFixture fx) {
        return SubmitJobRequest.builder()
                .jobName(run + "-" + stage + "-0")
                .jobQueue(fx.queue())
                .jobDefinition(fx.scoreDefinition());
    }
}
