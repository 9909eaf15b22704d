package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.StageResult;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.run.track.FailureDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overnight case: about 3% of 2,000 items fail. With 5% tolerated the run is UNSTABLE and the aggregation
 * runs over the other 97%; with 1% tolerated the run FAILS, the aggregation is not submitted, and cleanup still runs.
 */
class ToleranceAtScaleTest {
    @TempDir
    Path dir;

    private RunResult run(String tolerated) throws Exception {
        Path items = dir.resolve("items.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            lines.append("{\"id\":\"it").append(i).append("\"}\n");
        }
        Files.writeString(items, lines);
        LocalRunHarness harness = new LocalRunHarness(dir);
        harness.slots = Runtime.getRuntime().availableProcessors();
        return harness.run("""
                name: nightly
                plan: {items: {file: items.jsonl}}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                stages:
                  - name: score
                    jobDefinition: sh
                    toleratedFailurePercent: %s
                    command: [sh, -c, 'test $(( (BATCHGRAPH_INDEX_OFFSET + AWS_BATCH_JOB_ARRAY_INDEX) %% 33 )) -ne 0']
                  - name: rank
                    jobDefinition: sh
                    dependsOn: [score]
                    command: [sh, -c, 'd=${BATCHGRAPH_OUTPUT_URI#file://}; mkdir -p $d; touch $d/$AWS_BATCH_JOB_ARRAY_INDEX']
                  - {name: merge, type: aggregate, jobDefinition: sh, dependsOn: [rank]}
                  - {name: cleanup, type: cleanup}
                """.formatted(tolerated));
    }

    @Test
    void threePercentFailingWithFivePercentToleratedIsUnstableAndTheRestIsAggregated() throws Exception {
        RunResult result = run("5");

        assertThat(result.outcome()).isEqualTo(Outcome.UNSTABLE);
        StageResult score = result.stages().get(0);
        assertThat(score.failedCount()).isEqualTo(61); // indexes 0, 33, ..., 1980
        assertThat(result.stages().get(1).counts()).containsEntry(JobStatus.SUCCEEDED, 2_000 - 61);
        assertThat(result.stages().get(2).status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(result.stages().get(3).status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(FailureDigest.oneLine(result))
                .contains("score: 61 failed (items 0, 33, 66")
                .contains("more)");
    }

    @Test
    void threePercentFailingWithOnePercentToleratedFailsSkipsTheRestAndStillCleansUp() throws Exception {
        RunResult result = run("1");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.stages().get(1).status()).isEqualTo(StageStatus.SKIPPED);
        assertThat(result.stages().get(2).status()).isEqualTo(StageStatus.SKIPPED);
        assertThat(result.stages().get(3).status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(result.cleanup().deletedObjects()).isEqualTo(2); // 2,000 items packed: 0.jsonl and offsets.txt
    }
}
