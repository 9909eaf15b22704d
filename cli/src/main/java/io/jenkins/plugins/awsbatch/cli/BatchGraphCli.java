package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.graph.GraphError;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.lock.RunLockedException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code batchgraph}: runs fan-out/fan-in job graphs on the embedded local engine or on AWS Batch. Exit codes:
 * 0 SUCCEEDED, 1 FAILED, 2 invalid input (nothing submitted), 3 UNSTABLE, 130 aborted.
 */
@Command(
        name = "batchgraph",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        description = "Run fan-out/fan-in job graphs on AWS Batch or on the embedded local engine.",
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            StatusCommand.class,
            ResumeCommand.class,
            RerunCommand.class,
            CleanupCommand.class,
            LogsCommand.class,
            RunsCommand.class,
            ReportCommand.class,
            EventsCommand.class,
            HousekeepingCommand.class,
            LocalBatchCommand.class,
            WatchCommand.class,
            CommandLine.HelpCommand.class,
            picocli.AutoComplete.GenerateCompletion.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:SUCCEEDED", "1:FAILED", "2:invalid input, nothing submitted", "3:UNSTABLE", "130:aborted"})
public final class BatchGraphCli {
    public static final int EXIT_INVALID = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** True when the command that failed was given {@code --json}: it then prints one object on stdout. */
    private static boolean wantsJson(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult command = parseResult;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        return command.hasMatchedOption("--json");
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BatchGraphCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean json = wantsJson(parseResult);
            if (e instanceof GraphValidationException invalid) {
                commandLine.getErr().println("invalid graph (nothing was submitted):");
                invalid.errors().forEach(error -> commandLine.getErr().println("  " + error));
                if (json) {
                    ErrorReport.print(commandLine.getOut(), EXIT_INVALID, invalid.errors());
                }
                return EXIT_INVALID;
            }
            if (e instanceof RunLockedException) {
                // another process holds the run: nothing was done, as for invalid input
                commandLine.getErr().println("error: " + e.getMessage());
                if (json) {
                    ErrorReport.print(commandLine.getOut(), EXIT_INVALID, String.valueOf(e.getMessage()));
                }
                return EXIT_INVALID;
            }
            int exitCode = e instanceof CliException cliError ? cliError.exitCode() : 1;
            String aws = e instanceof CliException ? null : AwsAccessCheck.oneLine(e);
            String message = aws != null ? aws : e.getMessage();
            commandLine.getErr().println("error: " + message);
            if (json) {
                ErrorReport.print(commandLine.getOut(), exitCode, String.valueOf(message));
            }
            return exitCode;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            if (java.util.Arrays.asList(args).contains("--json")) {
                ErrorReport.print(
                        e.getCommandLine().getOut(),
                        EXIT_INVALID,
                        List.of(new GraphError(
                                "(command line)",
                                e.getMessage(),
                                "see " + e.getCommandLine().getCommandName() + " --help")));
            }
            return EXIT_INVALID;
        });
        return cli;
    }
}
