package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobDefinition;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalBatchLifecycleTest extends LocalBatchTestSupport {

    @Test
    void jobMovesThroughStatusesInOrderAndGetsStartedAtOnlyOnceRunning() {
        start(1);
        String blocker = submitShell("blocker", "sleep 0.4");
        String job = submitShell("observed", "sleep 0.4");
        List<JobDetail> seen = new ArrayList<>();
        await(
                () -> {
                    JobDetail d = describe(job);
                    seen.add(d);
                    return d.status().isTerminal();
                },
                "observed job to end");
        awaitTerminal(blocker);

        List<JobStatus> statuses =
                seen.stream().map(JobDetail::status).distinct().toList();
        // waiting for the slot it is RUNNABLE, or already STARTING in the launcher's queue if it was sent at once
        assertThat(statuses).isSorted().contains(JobStatus.RUNNING, JobStatus.SUCCEEDED);
        assertThat(statuses).containsAnyOf(JobStatus.RUNNABLE, JobStatus.STARTING);
        for (JobDetail d : seen) {
            boolean hasRun = d.status() == JobStatus.RUNNING || d.status().isTerminal();
            assertThat(d.startedAt() != null)
                    .as("startedAt while %s", d.status())
                    .isEqualTo(hasRun);
        }
        JobDetail done = seen.get(seen.size() - 1);
        assertThat(done.createdAt()).isLessThanOrEqualTo(done.startedAt());
        assertThat(done.startedAt()).isLessThanOrEqualTo(done.stoppedAt());
        assertThat(done.stoppedAt() - done.startedAt()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void successfulJobHasExitCodeZeroAndOneAttempt() {
        start(2);
        JobDetail done = awaitTerminal(submitShell("ok", "exit 0"));
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.exitCode()).isZero();
        assertThat(done.attempts()).hasSize(1);
        assertThat(done.attempts().get(0).exitCode()).isZero();
    }

    @Test
    void nonZeroExitFailsTheJobWithTheContainerExitCodeAndAwsReason() {
        start(2);
        JobDetail done = awaitTerminal(submitShell("bad", "exit 7"));
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.exitCode()).isEqualTo(7);
        assertThat(done.statusReason()).isEqualTo("Essential container in task exited");
        assertThat(done.attempts())
                .singleElement()
                .satisfies(a -> assertThat(a.exitCode()).isEqualTo(7));
    }

    @Test
    void singleJobSeesBatchEnvironmentWithoutArrayIndex() {
        start(2);
        String id = submitShell(
                "env",
                "echo \"id=$AWS_BATCH_JOB_ID idx=${AWS_BATCH_JOB_ARRAY_INDEX-unset} "
                        + "attempt=$AWS_BATCH_JOB_ATTEMPT jq=$AWS_BATCH_JQ_NAME ce=$AWS_BATCH_CE_NAME\"");
        awaitStatus(id, JobStatus.SUCCEEDED);
        assertThat(log(id)).containsExactly("id=" + id + " idx=unset attempt=1 jq=default ce=local");
    }

    @Test
    void arrayChildrenSeeTheirIdIndexAndArraySize() {
        start(2);
        String parent = submit(job(
                        "env",
                        "echo \"$AWS_BATCH_JOB_ID $AWS_BATCH_JOB_ARRAY_INDEX "
                                + "$AWS_BATCH_JOB_ARRAY_SIZE $AWS_BATCH_JOB_ATTEMPT\"")
                .arraySize(3));
        awaitStatus(parent, JobStatus.SUCCEEDED);
        for (int i = 0; i < 3; i++) {
            assertThat(log(parent + ":" + i)).containsExactly(parent + ":" + i + " " + i + " 3 1");
        }
    }

    @Test
    void environmentComesFromDefinitionThenSubmitOverrides() {
        start(2);
        String definition = batch.registerJobDefinition(new JobDefinition(
                        "envdef",
                        0,
                        null,
                        List.of("sh", "-c", "echo \"$A $B\""),
                        Map.of("A", "def", "B", "def"),
                        Map.of(),
                        null,
                        null,
                        null,
                        null,
                        false))
                .nameWithRevision();
        String id = submit(SubmitJobRequest.builder()
                .jobName("envdef")
                .jobQueue("default")
                .jobDefinition(definition)
                .environment(Map.of("B", "override")));
        awaitStatus(id, JobStatus.SUCCEEDED);
        assertThat(log(id)).containsExactly("def override");
    }

    @Test
    void refPlaceholdersTakeSubmitParametersOverDefinitionDefaults() {
        start(2);
        String definition = batch.registerJobDefinition(new JobDefinition(
                        "params",
                        0,
                        null,
                        List.of("sh", "-c", "echo Ref::greeting Ref::name Ref::unknown"),
                        Map.of(),
                        Map.of("greeting", "hello", "name", "default"),
                        null,
                        null,
                        null,
                        null,
                        false))
                .nameWithRevision();
        String id = submit(SubmitJobRequest.builder()
                .jobName("params")
                .jobQueue("default")
                .jobDefinition(definition)
                .parameters(Map.of("name", "world")));
        awaitStatus(id, JobStatus.SUCCEEDED);
        assertThat(log(id)).containsExactly("hello world Ref::unknown");
    }

    @Test
    void eachAttemptLogsStdoutAndStderrToItsOwnFileNamedInLogStreamName() {
        start(2);
        String id = submit(job("logs", "echo out; echo err >&2; [ \"$AWS_BATCH_JOB_ATTEMPT\" = 2 ]")
                .retryStrategy(io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy.attempts(2)));
        JobDetail done = awaitStatus(id, JobStatus.SUCCEEDED);
        assertThat(done.logStreamName()).isEqualTo(id + "/attempt-2.log");
        assertThat(done.attempts())
                .extracting(a -> a.logStreamName())
                .containsExactly(id + "/attempt-1.log", id + "/attempt-2.log");
        assertThat(read(temp.resolve("logs").resolve(id + "/attempt-1.log"))).contains("out", "err");
        assertThat(batch.logTailer().tail(done, 1)).containsExactly("err");
    }

    @Test
    void commandThatCannotStartFailsTheJobWithCannotStartContainerError() {
        start(2);
        String definition = batch.registerJobDefinition(JobDefinition.ofCommand("missing", List.of("/no/such/program")))
                .nameWithRevision();
        String id = submit(SubmitJobRequest.builder()
                .jobName("missing")
                .jobQueue("default")
                .jobDefinition(definition));
        JobDetail done = awaitStatus(id, JobStatus.FAILED);
        assertThat(done.statusReason()).isEqualTo("Task failed to start");
        assertThat(done.attempts())
                .singleElement()
                .satisfies(a -> assertThat(a.reason()).startsWith("CannotStartContainerError"));
        assertThat(done.startedAt()).isNull();
    }

    @Test
    void neverRunsMoreJobsAtOnceThanSlots() {
        start(2);
        String script = "mkdir running 2>/dev/null; ls running | wc -l >> concurrency.txt; "
                + "touch running/$AWS_BATCH_JOB_ARRAY_INDEX; ls running | wc -l >> concurrency.txt; sleep 0.1; "
                + "rm running/$AWS_BATCH_JOB_ARRAY_INDEX";
        String parent = submit(job("slots", script).arraySize(8));
        awaitStatus(parent, JobStatus.SUCCEEDED);
        assertThat(read(file("concurrency.txt"))
                        .lines()
                        .mapToInt(l -> Integer.parseInt(l.trim()))
                        .max()
                        .orElseThrow())
                .isLessThanOrEqualTo(2);
    }
}
