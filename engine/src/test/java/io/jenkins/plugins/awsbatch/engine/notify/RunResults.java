package io.jenkins.plugins.awsbatch.engine.notify;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.StageResult;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Run results for notification tests: a run "recommendations" whose stage "rank" lost some items. */
final class RunResults {
    static final String RUN_ID = "20250101-120000-abcd";
    static final String RUN_URI = "s3://bucket/runs/recommendations/" + RUN_ID;

    private RunResults() {}

    /** score: 100 succeeded; rank: 97 succeeded, items 5, 6, 7 failed with exit 1 (item 5 with a log tail). */
    static RunResult failed() {
        return result(
                Outcome.FAILED,
                List.of(
                        stage("score", "SUCCEEDED", 100, 0, List.of()),
                        stage(
                                "rank",
                                "FAILED",
                                97,
                                3,
                                List.of(
                                        new FailedItem(
                                                5,
                                                "item-5",
                                                "job:5",
                                                1,
                                                "Essential container in task exited",
                                                List.of(
                                                        "loading model v2",
                                                        "Traceback (most recent call last):",
                                                        "ValueError: <bad> & worse")),
                                        new FailedItem(
                                                6,
                                                "item-6",
                                                "job:6",
                                                1,
                                                "Essential container in task exited",
                                                List.of()),
                                        new FailedItem(
                                                7,
                                                "item-7",
                                                "job:7",
                                                137,
                                                "OutOfMemoryError: Container killed",
                                                List.of())))));
    }

    static RunResult succeeded() {
        return result(Outcome.SUCCEEDED, List.of(stage("score", "SUCCEEDED", 100, 0, List.of())));
    }

    static RunResult withOutcome(Outcome outcome) {
        RunResult f = failed();
        return new RunResult(
                f.runId(),
                f.name(),
                outcome,
                f.durationMs(),
                f.mode(),
                f.itemCount(),
                f.runUri(),
                f.message(),
                f.stages(),
                f.calls(),
                f.cleanup());
    }

    /** A stage with {@code failed} failed items, all listed, each with a 20-line log tail. */
    static RunResult manyFailures(int failed) {
        List<FailedItem> items = new ArrayList<>();
        List<String> tail = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tail.add("log line " + i);
        }
        for (int i = 0; i < failed; i++) {
            items.add(new FailedItem(i * 2L, "k" + i, "job:" + i, 2, "Essential container in task exited", tail));
        }
        return result(Outcome.FAILED, List.of(stage("score", "FAILED", 0, failed, items)));
    }

    static StageResult stage(String name, String status, int succeeded, int failed, List<FailedItem> items) {
        Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
        for (JobStatus s : JobStatus.values()) {
            counts.put(s, 0);
        }
        counts.put(JobStatus.SUCCEEDED, succeeded);
        counts.put(JobStatus.FAILED, failed);
        return new StageResult(
                name,
                StageStatus.valueOf(status),
                failed > 0 ? "Array Child Job failed" : null,
                List.of(name + "-job"),
                counts,
                items,
                failed,
                Map.of(),
                0,
                12.5);
    }

    private static RunResult result(Outcome outcome, List<StageResult> stages) {
        return new RunResult(
                RUN_ID,
                "recommendations",
                outcome,
                65_000,
                "upfront",
                100,
                RUN_URI,
                null,
                stages,
                Map.of("SubmitJob", 2L),
                null);
    }
}
