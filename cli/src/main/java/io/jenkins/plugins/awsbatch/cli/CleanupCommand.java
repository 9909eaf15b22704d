package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.run.state.CleanupReport;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code batchgraph cleanup RUN}: deletes the run's transient data by hand, exactly as a cleanup stage does. */
@Command(
        name = "cleanup",
        mixinStandardHelpOptions = true,
        description = "Delete a run's transient data (items, array outputs); keep its results and state.")
final class CleanupCommand implements Callable<Integer> {
    @Mixin
    RunSelection selection;

    @Option(
            names = "--older-than",
            paramLabel = "AGE",
            description = "instead of RUN: every run of --store that ended more than AGE ago (7d, 12h, 30m)")
    String olderThan;

    /** Lock messages (an owner's stale lock taken over) on stderr. */
    private static final RunListener STDERR = new RunListener() {
        @Override
        public void message(String line) {
            System.err.println(line);
        }
    };

    @Override
    public Integer call() {
        if (olderThan != null) {
            return CleanupOlderThan.run(olderThan, selection);
        }
        RunState found = selection.load();
        // under the run's lock, on the state as the last writer left it
        RunState cleaned = CliHost.of(selection.engineOptionsFor(found), STDERR, "cleanup", null)
                .cleanup(found.storeUri, found.runId);
        CleanupReport report = cleaned.cleanup;
        System.err.println("deleted " + report.deletedObjects() + " object(s) under " + report.deletedPrefixes());
        System.err.println("kept " + report.kept());
        if (report.error() != null) {
            System.err.println("error: " + report.error());
            return 1;
        }
        return 0;
    }
}
