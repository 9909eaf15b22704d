package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout;
import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout.StageLayout;
import io.jenkins.plugins.awsbatch.engine.run.state.JobRecord;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plan that pictures draw is what the runner submits: the same jobs per stage and the same barrier jobs. */
class GraphLayoutMatchesRunTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                // an aggregation over 23 arrays: fans in through 2 barrier jobs
                "stages: [{name: a, jobDefinition: sh}, {name: merge, type: aggregate, jobDefinition: sh, dependsOn: [a]}]",
                // 20 arrays + SEQUENTIAL is 21 entries: one barrier per array of b
                "stages: [{name: a, jobDefinition: sh}, {name: b, jobDefinition: sh, sequential: true, dependsOn: [a]}]",
                // N_TO_N pairs chunk k with chunk k: no barrier; waves of 3 that tolerate a failure; an aggregate count
                "stages: [{name: a, jobDefinition: sh}, {name: b, jobDefinition: sh, dependsOn: [{stage: a, type: N_TO_N}]},"
                        + " {name: c, jobDefinition: sh, maxConcurrency: 3, toleratedFailureCount: 1, dependsOn: [b]}, {name: agg, type: aggregate, jobDefinition: sh,"
                        + " count: 'ceil(items / 10)', dependsOn: [c]}]"
            })
    void theLayoutPredictsTheJobsAndBarriersOfARealRun(String stages) {
        LocalRunHarness harness = new LocalRunHarness(dir);
        harness.settings = RunSettings.defaults().withMaxArraySize(2);
        int items = stages.contains("sequential") ? 40 : 45;
        GraphSpec graph = harness.graph("""
                name: layout
                plan: {items: {list: [%s]}}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                %s
                """.formatted(
                        String.join(
                                ", ",
                                java.util.stream.IntStream.range(0, items)
                                        .mapToObj(String::valueOf)
                                        .toList()),
                        stages));
        GraphLayout layout = GraphLayout.of(graph, items, 2);
        try (RunEngine engine = harness.engine(graph, "layout-1")) {
            GraphRunner runner = GraphRunner.start(engine.services(), graph, dir, "layout-1");
            assertThat(runner.runToCompletion().outcome()).isEqualTo(Outcome.SUCCEEDED);
            for (StageLayout stage : layout.stages()) {
                List<JobRecord> jobs = runner.state().stage(stage.name()).jobs;
                assertThat(jobs.stream()
                                .filter(j -> !j.barrier())
                                .map(j -> j.offset() + "+" + j.size())
                                .toList())
                        .as(stage.name())
                        .isEqualTo(stage.jobs().stream()
                                .map(c -> c.offset() + "+" + c.size())
                                .toList());
                assertThat(jobs.stream().filter(JobRecord::barrier).count())
                        .as(stage.name() + " barriers")
                        .isEqualTo(stage.barrierJobs());
            }
        }
    }
}
