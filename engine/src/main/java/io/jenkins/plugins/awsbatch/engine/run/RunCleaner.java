package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.run.state.CleanupReport;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import io.jenkins.plugins.awsbatch.engine.store.StoreUris;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes a run's transient data, the items and everything array stages wrote, and keeps the run's result
 * (aggregate outputs), its state, manifest, logs and the index maps that say which child ran which item. Every prefix is checked to lie
 * inside the run's prefix before anything is deleted.
 */
public final class RunCleaner {
    private final StoreResolver stores;

    public RunCleaner(StoreResolver stores) {
        this.stores = stores;
    }

    public CleanupReport clean(RunState state) {
        RunLayout layout = new RunLayout(state.storeUri, state.runId);
        String root = StoreUris.asPrefix(layout.runUri());
        List<String> targets = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        String items = state.itemsUri != null ? state.itemsUri : layout.itemsUri();
        boolean itemsInRun = StoreUris.isInside(items, root);
        if (itemsInRun) {
            targets.add(StoreUris.asPrefix(items));
        }
        for (StageSpec stage : state.graph.stages()) {
            if (stage.type() == StageType.ARRAY && usesIndexMaps(state.stage(stage.name()))) {
                // Its index maps (population.json, retry-<r>.json) stay: `logs` maps a child to its item with them.
                targets.add(StoreUris.asPrefix(layout.outputUri(stage.name())));
                kept.add(StoreUris.asPrefix(layout.stageUri(stage.name())) + "*.json");
            } else if (stage.type() == StageType.ARRAY) {
                targets.add(StoreUris.asPrefix(layout.stageUri(stage.name())));
            } else if (stage.type() == StageType.AGGREGATE || stage.type() == StageType.SINGLE) {
                kept.add(StoreUris.asPrefix(layout.outputUri(stage.name())));
            }
        }
        kept.add(layout.stateUri());
        kept.add(layout.manifestUri());
        for (String target : targets) {
            if (!StoreUris.isInside(target, root) || StoreUris.asPrefix(target).equals(root)) {
                return new CleanupReport(List.of(), 0, kept, "refused: " + target + " is not inside " + root);
            }
        }
        ObjectStore store = stores.forUri(root);
        List<String> deletedPrefixes = new ArrayList<>();
        int deleted = 0;
        try {
            if (!itemsInRun) {
                // The run's own item table entries (DynamoDB): exactly this run's items URI, nothing else.
                deleted += stores.forUri(items).deletePrefix(StoreUris.asPrefix(items), items);
                deletedPrefixes.add(items);
            }
            for (String target : targets) {
                deleted += store.deletePrefix(target, root);
                deletedPrefixes.add(target);
            }
        } catch (RuntimeException e) {
            return new CleanupReport(deletedPrefixes, deleted, kept, e.getMessage());
        }
        return new CleanupReport(deletedPrefixes, deleted, kept, null);
    }

    /** The stage ran over survivors of tolerated failures or over retry rounds: its children map through files. */
    private static boolean usesIndexMaps(StageState stage) {
        return stage != null && (stage.populationUri != null || stage.round > 0);
    }
}
