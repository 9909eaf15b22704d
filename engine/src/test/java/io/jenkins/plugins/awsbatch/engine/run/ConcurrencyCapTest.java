package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** maxConcurrency protects a third party: never more children running at once than the cap. */
class ConcurrencyCapTest {
    @TempDir
    Path dir;

    LocalRunHarness harness;

    @BeforeEach
    void setUp() {
        harness = new LocalRunHarness(dir);
        harness.slots = 6; // more slots than the cap: the cap, not the slots, must hold the line
    }

    private String graph(int items, int cap) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < items; i++) {
            list.append(i == 0 ? "" : ", ").append(i);
        }
        Path spans = dir.resolve("spans");
        return """
                name: capped
                plan: {items: {list: [%s]}}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                stages:
                  - name: call-api
                    jobDefinition: sh
                    maxConcurrency: %d
                    command: [sh, -c, 'mkdir -p %s; s=$(date +%%s%%N); sleep 0.3; e=$(date +%%s%%N); echo "$s $e" > %s/$AWS_BATCH_JOB_ID']
                """.formatted(list, cap, spans, spans);
    }

    /** The most spans open at one instant, from the start/stop times the jobs recorded. */
    private int maxOverlap() throws IOException {
        List<long[]> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("spans"))) {
            for (Path file : files.toList()) {
                String[] parts = Files.readString(file).trim().split(" ");
                events.add(new long[] {Long.parseLong(parts[0]), +1});
                events.add(new long[] {Long.parseLong(parts[1]), -1});
            }
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int open = 0;
        int max = 0;
        for (long[] event : events) {
            open += (int) event[1];
            max = Math.max(max, open);
        }
        return max;
    }

    @Test
    void onTheLocalEngineTheCapIsExactThroughAConsumableResource() throws Exception {
        RunResult result = harness.run(graph(9, 3));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(maxOverlap()).isEqualTo(3);
        assertThat(result.calls()).containsEntry("SubmitJob", 1L);
    }

    @Test
    void withoutAConsumableResourceTheStageRunsInChainedWavesOfAtMostTheCap() throws Exception {
        RunResult result = harness.run(harness.rawGraph(graph(7, 3)));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(maxOverlap()).isLessThanOrEqualTo(3);
        assertThat(result.stages().get(0).jobIds()).hasSize(3); // 7 items in waves of 3, 2, 2
        assertThat(result.stages().get(0).counts())
                .containsEntry(io.jenkins.plugins.awsbatch.engine.batch.JobStatus.SUCCEEDED, 7);
    }
}
