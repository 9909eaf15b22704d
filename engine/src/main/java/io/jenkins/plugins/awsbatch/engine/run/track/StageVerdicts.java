package io.jenkins.plugins.awsbatch.engine.run.track;

import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.plan.Manifest;
import io.jenkins.plugins.awsbatch.engine.plan.Planner;
import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.IndexMaps;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A stage's round once all its jobs ended: its failed items (with what a rerun left out of the round), the items
 * the round recovered, and whether it gets another round; then the stage's end: succeeded, unstable within its
 * tolerance, or failed.
 */
public final class StageVerdicts {
    private final RunServices services;
    private final RunState state;
    private final RunJournal journal;
    private final RunLayout layout;
    private final ObjectStore store;
    private final IndexMaps indexMaps;
    private final StageJudge judge;
    private Manifest manifest;

    public StageVerdicts(RunServices services, RunState state, RunJournal journal, IndexMaps indexMaps) {
        this.services = services;
        this.state = state;
        this.journal = journal;
        this.layout = new RunLayout(state.storeUri, state.runId);
        this.store = services.stores().forUri(state.storeUri);
        this.indexMaps = indexMaps;
        this.judge = new StageJudge(services, indexMaps);
    }

    /**
     * Records the ended round's failed and recovered items; true when the failed items get another round (the
     * caller submits it), false when the stage is to {@link #settle}.
     */
    public boolean judge(StageSpec stage, StageState stageState, RunTracker tracker) {
        StageJudge.RoundOutcome round = judge.judgeRound(stage, stageState, tracker.details(), manifest());
        stageState.computeSeconds += round.computeSeconds();
        TreeMap<Long, FailedItem> failed = new TreeMap<>();
        if (stageState.round > 0) {
            Set<Long> roundItems = itemsOfRound(stage, stageState);
            // Items retried this round that did not fail again were recovered in this round.
            for (Long item : roundItems) {
                if (!round.failed().containsKey(item)) {
                    stageState.recoveredInRound.put(item, stageState.round);
                }
            }
            // failures a rerun left out of the round (still failed upstream) stand
            stageState.failedItems.forEach((item, failure) -> {
                if (!roundItems.contains(item)) {
                    failed.put(item, failure);
                }
            });
        }
        failed.putAll(round.failed());
        stageState.failedItems = failed;
        return !round.failed().isEmpty() && stageState.round < stage.retryRounds() && !state.abortRequested;
    }

    /** Ends a judged stage by its failed items: succeeded, unstable within its tolerance, or failed. */
    public void settle(StageSpec stage, StageState stageState) {
        long failures = stageState.failedItems.size();
        long population = stageState.populationSize > 0 ? stageState.populationSize : Math.max(1, state.itemCount);
        if (failures == 0) {
            stageState.status = StageStatus.SUCCEEDED;
        } else if (stage.type() == StageType.ARRAY && StageJudge.tolerated(stage, failures, population)) {
            stageState.status = StageStatus.UNSTABLE;
            stageState.reason = failures + " of " + population + " item(s) failed, within the tolerance";
        } else {
            stageState.status = StageStatus.FAILED;
            stageState.reason = failures + " of " + population
                    + (stage.type() == StageType.ARRAY ? " item(s)" : " job(s)") + " failed";
        }
        stageState.finishedAt = services.clock().millis();
        journal.save(state);
        services.listener().stageFinished(stage.name(), stageState.status.name(), stageState.reason);
    }

    /** The items (a non-array stage: the job positions) that round {@code stageState.round} ran again. */
    private Set<Long> itemsOfRound(StageSpec stage, StageState stageState) {
        if (stage.type() != StageType.ARRAY) {
            return new TreeSet<>(stageState.failedItems.keySet());
        }
        Set<Long> items = new TreeSet<>();
        for (long item : indexMaps.items(layout.retryMapUri(stage.name(), stageState.round))) {
            items.add(item);
        }
        return items;
    }

    private Manifest manifest() {
        if (manifest == null) {
            manifest = Planner.readManifest(layout, store, services.json())
                    .orElse(new Manifest(
                            state.runId,
                            state.name,
                            state.itemCount,
                            null,
                            layout.itemsUri(),
                            List.of(),
                            0,
                            state.itemLayout));
        }
        return manifest;
    }
}
