package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.lock.RunLock;
import io.jenkins.plugins.awsbatch.engine.run.LazyStores;
import io.jenkins.plugins.awsbatch.engine.run.CleanupReport;
import io.jenkins.plugins.awsbatch.engine.run.Json;
import io.jenkins.plugins.awsbatch.engine.run.RunCleaner;
import io.jenkins.plugins.awsbatch.engine.run.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.RunState;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code batchgraph cleanup RUN}: deletes the run's transient data by hand, exactly as a cleanup stage does. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Delete a run's transient data (items, array outputs); keep its results and state.")
final class CleanupCommand implements Callable<Integer> {
    @Mixin
    RunSelection selection;

    @Option(names = "--older-than", paramLabel = "AGE",
            description = "instead of RUN: every run of --store that ended more than AGE ago (7d, 12h, 30m)")
    String olderThan;

    @Override
    public Integer call() {
        if (olderThan != null) {
            return CleanupOlderThan.run(olderThan, selection);
        }
        try (LazyStores stores = selection.stores()) {
            RunState found = selection.load(stores);
            try (RunLock lock = RunLocks.take(stores, new RunLayout(found.storeUri, found.runId), "cleanup")) {
                return clean(stores, selection.load(stores), lock);
            }
        }
    }

    /** Under the run's lock, on the state as the last writer left it. */
    private static int clean(LazyStores stores, RunState state, RunLock lock) {
        CleanupReport report = new RunCleaner(stores).clean(state);
        state.cleanup = report;
        new RunJournal(stores.forUri(state.storeUri), Json.mapper(), lock).save(state);
        System.err.println("deleted " + report.deletedObjects() + " object(s) under " + report.deletedPrefixes());
        System.err.println("kept " + report.kept());
        if (report.error() != null) {
            System.err.println("error: " + report.error());
            return 1;
        }
        return 0;
    }
}
