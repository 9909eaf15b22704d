package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.DependencyType;
import io.jenkins.plugins.awsbatch.engine.batch.EvaluateOnExit;
import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.RetryAction;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsSettings;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own {@code AwsBatchService}, built by {@code AwsClients} from {@code AwsSettings.endpointUrl},
 * against the local endpoint: the engine's AWS path meets real scheduling (the local engine's Batch rules) through the SDK.
 */
class AwsBatchServiceOverEndpointTest {
    @TempDir
    static Path dir;

    static Endpoint endpoint;
    static AwsClients clients;
    static BatchService batch;

    @BeforeAll
    static void start() throws Exception {
        endpoint = Endpoint.start(dir);
        endpoint.registerShell("fails-on-odd", "test $((AWS_BATCH_JOB_ARRAY_INDEX % 2)) = 0");
        endpoint.registerShell("ok", "true");
        endpoint.registerShell("exit", "exit ${CODE:-0}");
        endpoint.registerShell("sleep", "sleep 30");
        clients = AwsClients.create(
                AwsSettings.builder()
                        .region("us-east-1")
                        .credentials(new CredentialsSpec.StaticKeys("AKIDTEST", "test", null))
                        .endpointUrl(endpoint.server.endpoint())
                        .batchCallsPerSecond(50)
                        .build(),
                new CallCounter());
        batch = clients.batchService();
    }

    @AfterAll
    static void stop() {
        clients.close();
        endpoint.close();
    }

    private static SubmitJobRequest.Builder job(String name, String definition) {
        return SubmitJobRequest.builder().jobName(name).jobQueue(Endpoint.QUEUE).jobDefinition(definition);
    }

    private static JobDetail awaitTerminal(String jobId) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            JobDetail job = batch.describeJobs(List.of(jobId)).get(0);
            if (job.status().isTerminal()) {
                return job;
            }
            assertThat(System.nanoTime()).as("%s still %s", jobId, job.status()).isLessThan(deadline);
            Endpoint.sleep(20);
        }
    }

    @Test
    void arraysWithNToNAndAWholeArrayDependencyFollowBatchsRules() {
        String score = batch.submitJob(job("score", "fails-on-odd").arraySize(4).build())
                .jobId();
        String rank = batch.submitJob(job("rank", "ok")
                        .arraySize(4)
                        .dependsOn(List.of(new JobDependency(score, DependencyType.N_TO_N)))
                        .build())
                .jobId();
        String merge = batch.submitJob(job("merge", "ok")
                        .dependsOn(List.of(JobDependency.on(rank)))
                        .build())
                .jobId();

        JobDetail scoreParent = awaitTerminal(score);
        JobDetail rankParent = awaitTerminal(rank);
        JobDetail merged = awaitTerminal(merge);
        assertThat(scoreParent.isArrayParent()).isTrue();
        assertThat(scoreParent.status()).isEqualTo(JobStatus.FAILED);
        assertThat(scoreParent.statusReason()).isEqualTo("Array Child Job failed");
        assertThat(scoreParent.statusSummary())
                .containsEntry(JobStatus.SUCCEEDED, 2)
                .containsEntry(JobStatus.FAILED, 2);
        assertThat(scoreParent.statusSummary().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(4);
        assertThat(rankParent.statusSummary())
                .containsEntry(JobStatus.SUCCEEDED, 2)
                .containsEntry(JobStatus.FAILED, 2);
        assertThat(merged.status()).isEqualTo(JobStatus.FAILED);
        assertThat(merged.statusReason()).isEqualTo("Dependent Job failed");
        assertThat(merged.attempts()).isEmpty();

        List<JobSummary> failed =
                listAll(ListJobsRequest.children(rank, JobStatus.FAILED).withNextToken(null));
        assertThat(failed).extracting(JobSummary::arrayIndex).containsExactly(1, 3);
        assertThat(failed).extracting(JobSummary::statusReason).containsOnly("Dependent Job failed");
        List<JobSummary> scoreFailures = listAll(ListJobsRequest.children(score, JobStatus.FAILED));
        assertThat(scoreFailures).extracting(JobSummary::exitCode).containsOnly(1);

        JobDetail child = batch.describeJobs(List.of(score + ":1")).get(0);
        assertThat(child.arrayIndex()).isEqualTo(1);
        assertThat(child.exitCode()).isEqualTo(1);
        assertThat(child.attempts()).singleElement().satisfies(a -> {
            assertThat(a.exitCode()).isEqualTo(1);
            assertThat(a.startedAt()).isLessThanOrEqualTo(a.stoppedAt());
            assertThat(a.logStreamName()).isNotBlank();
        });
    }

    @Test
    void retryStrategyAndParametersGoThroughTheSdkMapping() {
        RetryStrategy strategy = new RetryStrategy(
                3,
                List.of(
                        new EvaluateOnExit("4*", null, null, RetryAction.EXIT),
                        new EvaluateOnExit("*", null, null, RetryAction.RETRY)));
        String retried = batch.submitJob(job("retried", "exit")
                        .retryStrategy(strategy)
                        .environment(Map.of("CODE", "9"))
                        .build())
                .jobId();
        String stopped = batch.submitJob(job("stopped", "exit")
                        .retryStrategy(strategy)
                        .environment(Map.of("CODE", "42"))
                        .build())
                .jobId();
        assertThat(awaitTerminal(retried).attempts()).hasSize(3);
        JobDetail once = awaitTerminal(stopped);
        assertThat(once.attempts()).hasSize(1);
        assertThat(once.exitCode()).isEqualTo(42);
    }

    @Test
    void cancelAndTerminateKeepTheirDifference() {
        String running = batch.submitJob(job("running", "sleep").build()).jobId();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (batch.describeJobs(List.of(running)).get(0).status() != JobStatus.RUNNING) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Endpoint.sleep(20);
        }
        String waiting = batch.submitJob(job("waiting", "ok")
                        .arraySize(3)
                        .dependsOn(List.of(JobDependency.on(running)))
                        .build())
                .jobId();

        batch.cancelJob(running, "no effect on RUNNING");
        batch.cancelJob(waiting, "cancelled by test");
        JobDetail cancelled = awaitTerminal(waiting);
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.statusReason()).isEqualTo("cancelled by test");
        assertThat(cancelled.statusSummary()).containsEntry(JobStatus.FAILED, 3);
        assertThat(batch.describeJobs(List.of(running)).get(0).status()).isEqualTo(JobStatus.RUNNING);

        batch.terminateJob(running, "terminated by test");
        JobDetail terminated = awaitTerminal(running);
        assertThat(terminated.terminated()).isTrue();
        assertThat(terminated.statusReason()).isEqualTo("terminated by test");
    }

    @Test
    void clientExceptionsKeepTheEnginesWording() {
        assertThatThrownBy(
                        () -> batch.submitJob(job("x", "ok").jobQueue("missing").build()))
                .isInstanceOf(BatchClientException.class)
                .hasMessage("JobQueue missing not found.");
        assertThatThrownBy(() -> batch.submitJob(job("x", "ok")
                        .dependsOn(List.of(JobDependency.on("00000000-0000-0000-0000-000000000000")))
                        .build()))
                .isInstanceOf(BatchClientException.class)
                .hasMessage("Dependent job ID 00000000-0000-0000-0000-000000000000 not found.");
        assertThat(batch.describeJobs(List.of("unknown-id"))).isEmpty();
        assertThat(clients.calls().get("SubmitJob")).isPositive();
    }

    private static List<JobSummary> listAll(ListJobsRequest request) {
        List<JobSummary> out = new ArrayList<>();
        String token = null;
        do {
            var page = batch.listJobs(new ListJobsRequest(
                    request.jobQueue(), request.arrayJobId(), request.status(), request.jobNameFilter(), 1, token));
            out.addAll(page.jobs());
            token = page.nextToken();
        } while (token != null);
        return out;
    }
}
