package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Each command's help lists the options that apply to it: a run names its engine, so only run-starting commands pick one. */
class RunCommandsHelpTest {
    private static String help(String command) {
        return BatchGraphCli.commandLine().getSubcommands().get(command).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    @Test
    void commandsOnAnExistingRunOfferNoEngineChoice() {
        for (String command : new String[] {"status", "logs", "cleanup", "resume"}) {
            assertThat(help(command))
                    .as(command)
                    .doesNotContain("--engine")
                    .doesNotContain("overrides the file's engine")
                    .contains("--region", "--endpoint-url", "--profile", "--store");
        }
        for (String command : new String[] {"status", "logs", "cleanup"}) {
            assertThat(help(command)).as(command).doesNotContain("--slots");
        }
        assertThat(help("resume")).contains("--slots");
    }

    @Test
    void commandsStartingFromAGraphFileStillPickTheEngine() {
        for (String command : new String[] {"run", "validate"}) {
            assertThat(help(command))
                    .as(command)
                    .contains(
                            "--engine",
                            "overrides the file's engine",
                            "--slots",
                            "--region",
                            "--endpoint-url",
                            "--profile");
        }
    }
}
