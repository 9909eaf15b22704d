package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalBatchPersistenceTest extends LocalBatchTestSupport {

    private LocalBatchConfig persistent(int slots) {
        return config(slots).withDataDirectory(temp.resolve("data"));
    }

    @Test
    void restartedEngineKeepsFinishedJobsDefinitionsAndQueuesAsTheyWere() {
        start(persistent(2));
        String done = submit(job("done", "exit 3").tags(Map.of("k", "v")));
        String array = submit(job("arr", "true").arraySize(3));
        awaitTerminal(done);
        awaitTerminal(array);
        JobDetail before = describe(done);
        batch.close();

        start(persistent(2));
        assertThat(describe(done)).isEqualTo(before);
        assertThat(describe(array).statusSummary()).containsEntry(JobStatus.SUCCEEDED, 3);
        assertThat(describe(array + ":2").status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(batch.describeJobDefinitions(List.of("done"))).hasSize(1);
        assertThat(batch.describeJobQueues()).extracting(JobQueueInfo::name).containsExactly("default");
        assertThat(batch.listTagsForResource(batch.jobArn(done))).containsEntry("k", "v");
    }

    @Test
    void jobsRunningWhenTheEngineStoppedAreFailedWithHostRestartedOnReload() {
        start(persistent(2));
        String running = submitShell("running", "sleep 30");
        awaitStatus(running, JobStatus.RUNNING);
        String waiting = submitShell("waiting", "true", JobDependency.on(running));
        batch.close();

        start(persistent(2));
        JobDetail interrupted = describe(running);
        assertThat(interrupted.status()).isEqualTo(JobStatus.FAILED);
        assertThat(interrupted.statusReason())
                .isEqualTo("Host restarted: the local Batch engine stopped while the job was running");
        assertThat(interrupted.stoppedAt()).isGreaterThanOrEqualTo(interrupted.startedAt());
        assertThat(describe(waiting).statusReason()).isEqualTo("Dependent Job failed");
    }

    @Test
    void jobsNotYetStartedAreScheduledByTheRestartedEngine() {
        start(persistent(1));
        String blocker = submitShell("blocker", "sleep 30");
        awaitStatus(blocker, JobStatus.RUNNING);
        String queued = submitShell("queued", "touch queued.ran");
        String array = submit(job("arr", "touch arr-$AWS_BATCH_JOB_ARRAY_INDEX").arraySize(2));
        // waiting for the slot, or sent ahead to the launcher's queue: not started either way
        assertThat(describe(queued).status()).isIn(JobStatus.RUNNABLE, JobStatus.STARTING);
        assertThat(describe(queued).startedAt()).isNull();
        batch.close();

        start(persistent(2));
        assertThat(awaitTerminal(queued).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(awaitTerminal(array).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(file("queued.ran")).exists();
        assertThat(file("arr-1")).exists();
    }

    @Test
    void stateIsWrittenWhileRunningNotOnlyOnClose() {
        start(persistent(2));
        String id = submitShell("quick", "true");
        awaitTerminal(id);
        Path data = temp.resolve("data");
        await(() -> statusInFiles(data, id) == JobStatus.SUCCEEDED, "the journal to show the finished job");
    }

    private static JobStatus statusInFiles(Path data, String jobId) {
        try {
            return StateReplay.read(data).topLevelJobs().stream()
                    .filter(j -> j.jobId().equals(jobId))
                    .map(j -> j.status)
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
