package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.lock.RunLockedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code batchgraph}: runs fan-out/fan-in job graphs on the embedded local engine or on AWS Batch. Exit codes:
 * 0 SUCCEEDED, 1 FAILED, 2 invalid input (nothing submitted), 3 UNSTABLE, 130 aborted.
 */
@Command(name = "batchgraph", mixinStandardHelpOptions = true, version = "batchgraph 0.1.0",
        description = "Run fan-out/fan-in job graphs on AWS Batch or on the embedded local engine.",
        subcommands = {RunCommand.class, ValidateCommand.class, StatusCommand.class, ResumeCommand.class,
                CleanupCommand.class, LogsCommand.class, LocalBatchCommand.class, WatchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:SUCCEEDED", "1:FAILED", "2:invalid input, nothing submitted", "3:UNSTABLE", "130:aborted"})
public final class BatchGraphCli {
    public static final int EXIT_INVALID = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BatchGraphCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof GraphValidationException invalid) {
                commandLine.getErr().println("invalid graph (nothing was submitted):");
                invalid.errors().forEach(error -> commandLine.getErr().println("  " + error));
                return EXIT_INVALID;
            }
            if (e instanceof RunLockedException locked) {
                commandLine.getErr().println("error: " + locked.getMessage());
                return EXIT_INVALID;
            }
            if (e instanceof CliException cliError) {
                commandLine.getErr().println("error: " + cliError.getMessage());
                return cliError.exitCode();
            }
            commandLine.getErr().println("error: " + e.getMessage());
            return 1;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return EXIT_INVALID;
        });
        return cli;
    }
}
