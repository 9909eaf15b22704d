package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.JobRecord;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch allows 20 dependencies a job: an aggregation over more arrays fans in through barrier jobs. */
class BarrierTest {
    @TempDir
    Path dir;

    @Test
    void anAggregationOverTwentyThreeArraysWaitsForAllOfThemThroughBarrierJobs() {
        LocalRunHarness harness = new LocalRunHarness(dir);
        harness.settings = RunSettings.defaults().withMaxArraySize(2); // 45 items → 23 arrays
        GraphSpec graph = harness.graph("""
                name: fanin
                plan: {items: {list: [%s]}}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                stages:
                  - {name: a, jobDefinition: sh}
                  - {name: merge, type: aggregate, jobDefinition: sh, dependsOn: [a]}
                """.formatted(numbers(45)));
        try (RunEngine engine = harness.engine(graph, "fanin-1")) {
            GraphRunner runner = GraphRunner.start(engine.services(), graph, dir, "fanin-1");
            RunResult result = runner.runToCompletion();

            assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(result.stages().get(0).jobIds()).hasSize(23);
            List<JobRecord> mergeJobs = runner.state().stage("merge").jobs;
            List<JobRecord> barriers =
                    mergeJobs.stream().filter(JobRecord::barrier).toList();
            assertThat(barriers).hasSize(2); // 23 dependencies → barriers of 20 and 3
            JobRecord merge =
                    mergeJobs.stream().filter(j -> !j.barrier()).findFirst().orElseThrow();
            JobDetail detail = engine.services()
                    .batch()
                    .describeJobs(List.of(merge.jobId()))
                    .get(0);
            assertThat(detail.dependsOn())
                    .extracting(d -> d.jobId())
                    .containsExactlyInAnyOrderElementsOf(
                            barriers.stream().map(JobRecord::jobId).toList());
            assertThat(engine.services()
                            .batch()
                            .describeJobs(
                                    barriers.stream().map(JobRecord::jobId).toList()))
                    .allSatisfy(b -> assertThat(b.status()).isEqualTo(JobStatus.SUCCEEDED))
                    .extracting(b -> b.dependsOn().size())
                    .containsExactlyInAnyOrder(20, 3);
            assertThat(result.stages().get(1).counts()).containsEntry(JobStatus.SUCCEEDED, 1);
        }
    }

    @Test
    void aSequentialArrayAfterTwentyArraysKeepsRoomForItsSequentialDependency() {
        LocalRunHarness harness = new LocalRunHarness(dir);
        harness.settings = RunSettings.defaults().withMaxArraySize(2); // 40 items → 20 arrays a stage
        GraphSpec graph = harness.graph("""
                name: seqfanin
                plan: {items: {list: [%s]}}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                stages:
                  - {name: a, jobDefinition: sh}
                  - {name: b, jobDefinition: sh, sequential: true, dependsOn: [a]}
                """.formatted(numbers(40)));
        try (RunEngine engine = harness.engine(graph, "seqfanin-1")) {
            GraphRunner runner = GraphRunner.start(engine.services(), graph, dir, "seqfanin-1");
            RunResult result = runner.runToCompletion();

            assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
            List<JobRecord> arrays = runner.state().stage("b").jobs.stream()
                    .filter(j -> !j.barrier())
                    .toList();
            assertThat(arrays).hasSize(20);
            // 20 upstream arrays + SEQUENTIAL would be 21 entries: the arrays go through a barrier instead.
            assertThat(engine.services()
                            .batch()
                            .describeJobs(arrays.stream().map(JobRecord::jobId).toList()))
                    .allSatisfy(b -> assertThat(b.dependsOn()).hasSizeLessThanOrEqualTo(20));
        }
    }

    private static String numbers(int count) {
        return String.join(
                ", ",
                java.util.stream.IntStream.range(0, count)
                        .mapToObj(String::valueOf)
                        .toList());
    }
}
