package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that tracks a run stops its progress ticks when it returns, however it ends. */
class ProgressTickerTest {
    @TempDir
    Path dir;

    @Test
    void runResumeAndRerunLeaveNoProgressTickerBehind() throws Exception {
        String store = dir.resolve("runs").toUri().toString();
        Path graph = dir.resolve("g.yaml");
        Files.writeString(graph, """
                name: tick
                plan: {items: {list: [a, b]}}
                jobDefinitions: {sh: {command: [sh, -c, 'test "$AWS_BATCH_JOB_ARRAY_INDEX" = 0']}}
                stages: [{name: s, jobDefinition: sh}]
                """);
        int before = ProgressPrinter.ticking();

        assertThat(CliRunner.run("run", graph.toString(), "--store", store, "--run-id", "tick-1", "--progress", "lines")
                        .exitCode())
                .isEqualTo(1);
        assertThat(ProgressPrinter.ticking()).as("after run").isEqualTo(before);

        assertThat(CliRunner.run("resume", "tick-1", "--store", store, "--progress", "lines")
                        .exitCode())
                .isEqualTo(1);
        assertThat(ProgressPrinter.ticking()).as("after resume").isEqualTo(before);

        assertThat(CliRunner.run("rerun", "tick-1", "--failed", "--store", store, "--progress", "lines")
                        .exitCode())
                .isEqualTo(1);
        assertThat(ProgressPrinter.ticking()).as("after rerun").isEqualTo(before);

        // invalid input: the run id exists already
        assertThat(CliRunner.run("run", graph.toString(), "--store", store, "--run-id", "tick-1", "--progress", "lines")
                        .exitCode())
                .isEqualTo(2);
        assertThat(ProgressPrinter.ticking()).as("after a refused run").isEqualTo(before);
    }
}
