package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More than 10,000 items on the local engine: several arrays per stage, N_TO_N chunk to chunk, and the
 * array-not-loop cost (a 3-stage graph costs 2·ceil(N/10,000) array submits + 1 aggregation). Runs in CI
 * (bin/test); the 25,001-item variant is a benchmark.
 */
@Tag("scale")
class ScaleTest {
    @TempDir
    Path dir;

    private RunResult run(int items) throws Exception {
        Path list = dir.resolve("items.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < items; i++) {
            lines.append("{\"id\":\"i").append(i).append("\"}\n");
        }
        Files.writeString(list, lines);
        LocalRunHarness harness = new LocalRunHarness(dir);
        harness.slots = Runtime.getRuntime().availableProcessors();
        return harness.run("""
                name: scale
                plan: {items: {file: items.jsonl}}
                jobDefinitions: {t: {command: ['true']}}
                stages:
                  - {name: a, jobDefinition: t}
                  - {name: b, jobDefinition: t, dependsOn: [{stage: a, type: N_TO_N}]}
                  - {name: agg, type: aggregate, jobDefinition: t, dependsOn: [b]}
                """);
    }

    private static void assertScaled(RunResult result, int items, int chunks) {
        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.itemCount()).isEqualTo(items);
        assertThat(result.stages().get(0).jobIds()).hasSize(chunks);
        assertThat(result.stages().get(1).counts()).containsEntry(JobStatus.SUCCEEDED, items);
        assertThat(result.calls()).containsEntry("SubmitJob", 2L * chunks + 1);
    }

    @Test
    void twentyThousandAndOneItemsRunAsThreeArraysPerStage() throws Exception {
        assertScaled(run(20_001), 20_001, 3);
    }

    @Test
    @Tag("benchmark")
    void twentyFiveThousandAndOneItemsRunAsThreeArraysPerStage() throws Exception {
        assertScaled(run(25_001), 25_001, 3);
    }
}
