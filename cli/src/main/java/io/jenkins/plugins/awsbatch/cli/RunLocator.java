package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;

/**
 * Finds a run's journal from what the user typed: a run id (looked up in {@code --store}, default the local
 * runs folder) or the run's full URI ({@code file:///…/RUN_ID}, {@code s3://bucket/prefix/RUN_ID}).
 */
final class RunLocator {
    private RunLocator() {}

    static RunLayout layoutOf(String run, String store) {
        String trimmed = run.endsWith("/") ? run.substring(0, run.length() - 1) : run;
        if (trimmed.contains("://") || trimmed.startsWith("file:")) {
            int slash = trimmed.lastIndexOf('/');
            return new RunLayout(trimmed.substring(0, slash), trimmed.substring(slash + 1));
        }
        return new RunLayout(store != null ? store : GraphSpec.DEFAULT_STORE, trimmed);
    }

    static RunState load(String run, String store, StoreResolver stores) {
        RunLayout layout = layoutOf(run, store);
        ObjectStore objects = stores.forUri(layout.storeUri());
        return new RunJournal(objects, Json.mapper())
                .load(layout)
                .orElseThrow(() -> new CliException(
                        "no run '" + layout.runId() + "' under " + layout.storeUri()
                                + ": give a run id from `batchgraph run` (with --store if it is not the default) or the run's URI",
                        BatchGraphCli.EXIT_INVALID));
    }
}
