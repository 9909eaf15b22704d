package io.jenkins.plugins.awsbatch.engine.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.JobRecord;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    private static RunState run() {
        RunState s = new RunState();
        StageState score = new StageState();
        score.status = StageStatus.SUBMITTED;
        score.jobs.add(new JobRecord("j0", "score-0", 0, 0, 10, 0, null, null, false));
        score.jobs.add(new JobRecord("j1", "score-1", 1, 10, 5, 0, null, null, false));
        score.jobs.add(new JobRecord("b", "score-barrier", -1, 0, 1, 0, null, null, true));
        score.jobs.add(new JobRecord("r1", "score-retry", 0, 0, 2, 1, null, null, false));
        score.counts.put(JobStatus.RUNNING, 3);
        score.failedItems.put(7L, new FailedItem(7, "k7", "j0", 1, "boom", List.of()));
        StageState rank = new StageState();
        s.stages.put("score", score);
        s.stages.put("rank", rank);
        return s;
    }

    @Test
    void aStageSnapshotCarriesWhatTheViewsShow() {
        StageProgress score = RunProgress.of(run()).stage("score").orElseThrow();

        assertThat(score.status()).isEqualTo(StageStatus.SUBMITTED);
        assertThat(score.jobIds()).containsExactly("j0", "j1", "b", "r1");
        assertThat(score.firstRoundSize()).as("round 0 without the barrier").isEqualTo(15);
        assertThat(score.counts()).containsEntry(JobStatus.RUNNING, 3);
        assertThat(score.failedItems()).extracting(FailedItem::index).containsExactly(7L);
        assertThat(score.chunkOf("j1")).isEqualTo(1);
        assertThat(score.chunkOf("b")).as("a whole-stage job").isZero();
        assertThat(score.chunkOf("unknown")).isZero();
    }

    @Test
    void theSnapshotDoesNotMoveWithTheRun() {
        RunState s = run();
        RunProgress before = RunProgress.of(s);

        s.stage("score").status = StageStatus.SUCCEEDED;
        s.stage("score").counts.put(JobStatus.SUCCEEDED, 15);

        assertThat(before.stage("score").orElseThrow().status()).isEqualTo(StageStatus.SUBMITTED);
        assertThat(before.stage("score").orElseThrow().counts()).doesNotContainKey(JobStatus.SUCCEEDED);
        assertThat(before.count(StageStatus.WAITING)).isEqualTo(1);
        assertThat(before.allFinished()).isFalse();
        assertThat(RunProgress.of(null).allFinished()).as("no run yet").isTrue();
        assertThat(RunProgress.stage(s, "absent")).isEmpty();
    }
}
