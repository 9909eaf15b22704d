package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class LocalBatchCancelTerminateTest extends LocalBatchTestSupport {

    @Test
    void cancelOfAPendingJobFailsItWithTheGivenReasonAndMarksItCancelled() {
        start(2);
        String first = submitShell("first", "sleep 5");
        String second = submitShell("second", "touch second.ran", JobDependency.on(first));
        batch.cancelJob(second, "not needed");
        JobDetail done = describe(second);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.statusReason()).isEqualTo("not needed");
        assertThat(done.cancelled()).isTrue();
        assertThat(done.terminated()).isFalse();
        batch.terminateJob(first, "cleanup");
    }

    @Test
    void cancelOfARunnableJobFailsItBeforeItRuns() {
        start(1);
        String blocker = submitShell("blocker", "sleep 0.5");
        String queued = submitShell("queued", "touch queued.ran");
        // waiting for the slot, or sent ahead to the launcher's queue: not started either way
        assertThat(describe(queued).status()).isIn(JobStatus.RUNNABLE, JobStatus.STARTING);
        batch.cancelJob(queued, "changed my mind");
        awaitTerminal(blocker);
        assertThat(describe(queued).cancelled()).isTrue();
        assertThat(Files.exists(file("queued.ran"))).isFalse();
    }

    @Test
    void cancelHasNoEffectOnARunningJob() {
        start(2);
        String id = submitShell("running", "sleep 0.5");
        awaitStatus(id, JobStatus.RUNNING);
        batch.cancelJob(id, "too late");
        JobDetail done = awaitTerminal(id);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.cancelled()).isFalse();
    }

    @Test
    void cancelledJobFailsItsDependents() {
        start(2);
        String first = submitShell("first", "sleep 5");
        String second = submitShell("second", "true", JobDependency.on(first));
        String third = submitShell("third", "true", JobDependency.on(second));
        batch.cancelJob(second, "stop");
        assertThat(describe(third).statusReason()).isEqualTo("Dependent Job failed");
        batch.terminateJob(first, "cleanup");
    }

    @Test
    void terminateStopsARunningJobWithSigtermAndMarksItTerminated() {
        start(2);
        String id = submitShell(
                "running", "trap 'echo got-term; exit 143' TERM; echo started; " + "while true; do sleep 0.05; done");
        awaitStatus(id, JobStatus.RUNNING);
        await(() -> log(id).contains("started"), "the job to start its loop");
        batch.terminateJob(id, "user abort");
        JobDetail done = awaitTerminal(id);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.statusReason()).isEqualTo("user abort");
        assertThat(done.terminated()).isTrue();
        assertThat(log(id)).contains("got-term");
    }

    @Test
    void terminateKillsAProcessIgnoringSigtermAfterTheGracePeriod() {
        start(2);
        String id = submitShell("stubborn", "trap '' TERM; echo started; while true; do sleep 0.05; done");
        await(() -> describe(id).status() == JobStatus.RUNNING && log(id).contains("started"), "the job to run");
        long before = System.nanoTime();
        batch.terminateJob(id, "kill it");
        JobDetail done = awaitTerminal(id);
        assertThat((System.nanoTime() - before) / 1_000_000).isGreaterThanOrEqualTo(250);
        assertThat(done.terminated()).isTrue();
        assertThat(done.exitCode()).isEqualTo(137);
    }

    @Test
    void terminatedJobIsNeverRetried() {
        start(2);
        String id = submit(job("retried", "sleep 30").retryStrategy(RetryStrategy.attempts(3)));
        awaitStatus(id, JobStatus.RUNNING);
        batch.terminateJob(id, "abort");
        JobDetail done = awaitTerminal(id);
        assertThat(done.attempts()).hasSize(1);
        assertThat(done.statusReason()).isEqualTo("abort");
    }

    @Test
    void terminateOfAPendingJobFailsItAtOnce() {
        start(2);
        String first = submitShell("first", "sleep 5");
        String second = submitShell("second", "true", JobDependency.on(first));
        batch.terminateJob(second, "abort");
        assertThat(describe(second).status()).isEqualTo(JobStatus.FAILED);
        assertThat(describe(second).terminated()).isTrue();
        batch.terminateJob(first, "cleanup");
    }

    @Test
    void terminateOnAnArrayParentDrivesEveryNonTerminalChildToFailed() {
        start(2);
        String parent = submit(job("arr", "sleep 30").arraySize(5));
        await(() -> describe(parent).statusSummary().get(JobStatus.RUNNING) == 2, "two children to run");
        batch.terminateJob(parent, "abort run");
        JobDetail done = awaitTerminal(parent);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.statusReason()).isEqualTo("abort run");
        assertThat(done.statusSummary()).containsEntry(JobStatus.FAILED, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(describe(parent + ":" + i).terminated()).isTrue();
        }
    }

    @Test
    void cancelOnAnArrayParentDrivesEveryNonTerminalChildToFailed() {
        start(1);
        String parent = submit(job("arr", "sleep 30").arraySize(4));
        await(() -> describe(parent).statusSummary().get(JobStatus.RUNNING) == 1, "one child to run");
        batch.cancelJob(parent, "cancel run");
        JobDetail done = awaitTerminal(parent);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.cancelled()).isTrue();
        assertThat(done.statusSummary()).containsEntry(JobStatus.FAILED, 4);
        assertThat(describe(parent + ":3").cancelled()).isTrue();
        assertThat(describe(parent + ":3").attempts()).isEmpty();
    }
}
