package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the build puts into the CLI: its version, and shell completion from the commands themselves. */
class InstallTest {
    @Test
    void versionIsTheBuildsNotAConstant() {
        CliRunner.Outcome run = CliRunner.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().findFirst())
                .hasValueSatisfying(line -> assertThat(line)
                        .matches("batchgraph \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?")
                        .doesNotContain("${"));
        assertThat(run.out()).contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void generateCompletionPrintsABashScriptThatKnowsTheCommandsAndOptions() {
        CliRunner.Outcome run = CliRunner.run("generate-completion");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F", "report", "validate", "--progress", "--format");
    }
}
