package io.jenkins.plugins.awsbatch.engine.run.submit;

import io.jenkins.plugins.awsbatch.engine.graph.StageDependency;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.run.state.IndexMaps;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which items a stage's jobs run over when not all of them: the survivors of tolerated failures upstream, the
 * failed items of a retry round, the items a rerun adds; each written as an index map before its jobs are
 * submitted.
 */
final class Populations {
    private final RunServices services;
    private final RunState state;
    private final RunLayout layout;
    private final IndexMaps indexMaps;

    Populations(RunServices services, RunState state, RunLayout layout, IndexMaps indexMaps) {
        this.services = services;
        this.state = state;
        this.layout = layout;
        this.indexMaps = indexMaps;
    }

    /**
     * After an upstream array passed with tolerated failures, this stage runs over the items that succeeded
     * in every upstream array only: an index map says which (null when no item was dropped).
     */
    String survivorsMap(StageSpec stage) {
        TreeSet<Long> dropped = new TreeSet<>();
        for (StageDependency dep : stage.dependsOn()) {
            StageSpec upstream = state.graph.stage(dep.stage()).orElseThrow();
            StageState upstreamState = state.stage(dep.stage());
            if (upstream.type() == StageType.ARRAY) {
                dropped.addAll(upstreamState.failedItems.keySet());
                if (upstreamState.populationUri != null) {
                    return writeSurvivors(stage, upstreamState, dropped);
                }
            }
        }
        if (dropped.isEmpty()) {
            return null;
        }
        return writeSurvivors(stage, null, dropped);
    }

    private String writeSurvivors(StageSpec stage, StageState upstreamPopulation, TreeSet<Long> dropped) {
        List<Long> survivors = new ArrayList<>();
        if (upstreamPopulation != null && upstreamPopulation.populationUri != null) {
            for (long p = 0; p < upstreamPopulation.populationSize; p++) {
                long item = indexMaps.itemIndex(upstreamPopulation.populationUri, 0, p);
                if (!dropped.contains(item)) {
                    survivors.add(item);
                }
            }
        } else {
            for (long i = 0; i < state.itemCount; i++) {
                if (!dropped.contains(i)) {
                    survivors.add(i);
                }
            }
        }
        StageState stageState = state.stage(stage.name());
        stageState.populationUri = indexMaps.write(layout.stageUri(stage.name()) + "/population.json", survivors);
        stageState.populationSize = survivors.size();
        services.listener()
                .message("stage " + stage.name() + " runs over " + survivors.size() + " item(s), " + dropped.size()
                        + " left out after failures upstream");
        return stageState.populationUri;
    }

    /** The index map of the stage's current round: the items it runs again. */
    void writeRoundMap(StageSpec stage, StageState stageState, List<Long> items) {
        indexMaps.write(layout.retryMapUri(stage.name(), stageState.round), items);
    }

    /** A rerun round's index map, and the items the stage never had added to its population. */
    void openArrayRound(StageSpec stage, StageState stageState, TreeSet<Long> items) {
        stageState.round++;
        stageState.failedOutsideRound = stageState.failedItems.keySet().stream()
                .filter(i -> !items.contains(i))
                .count();
        if (stageState.populationUri != null) {
            TreeSet<Long> population = new TreeSet<>();
            for (long item : indexMaps.items(stageState.populationUri)) {
                population.add(item);
            }
            if (population.addAll(items)) {
                stageState.populationUri = indexMaps.write(
                        layout.stageUri(stage.name()) + "/population-r" + stageState.round + ".json",
                        new ArrayList<>(population));
                stageState.populationSize = population.size();
            }
        }
        writeRoundMap(stage, stageState, new ArrayList<>(items));
    }
}
