package io.jenkins.plugins.awsbatch.engine.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTextTest {
    @Test
    void aStartingJobIsNotSaidToRunSoNoMoreRunThanThereAreSlots() {
        // 2 slots on the local engine: 2 running, 8 more handed to the launcher's queue (STARTING)
        Map<JobStatus, Integer> counts = Map.of(
                JobStatus.SUCCEEDED, 1_000,
                JobStatus.RUNNING, 2,
                JobStatus.STARTING, 8,
                JobStatus.RUNNABLE, 8_990);

        assertThat(ProgressText.of(counts)).isEqualTo("1,000/10,000 succeeded, 0 failed, 2 running, 8 starting");
    }

    @Test
    void whatIsNotThereIsNotNamed() {
        assertThat(ProgressText.of(Map.of(JobStatus.SUCCEEDED, 3, JobStatus.FAILED, 1)))
                .isEqualTo("3/4 succeeded, 1 failed");
    }
}
