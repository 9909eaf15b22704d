package io.jenkins.plugins.awsbatch.engine.run.submit;

import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.plan.ArrayLayout;
import io.jenkins.plugins.awsbatch.engine.plan.Chunk;
import io.jenkins.plugins.awsbatch.engine.plan.Chunker;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The jobs of a stage that is not an array over the items: the one job of a single stage, or an aggregation's
 * jobs (one, an array of {@code count}, or one per partition its upstream wrote).
 */
final class StageUnits {
    private final RunServices services;
    private final RunState state;
    private final ObjectStore store;
    private final RunLayout layout;
    private final Chunker chunker;

    StageUnits(RunServices services, RunState state, ObjectStore store, RunLayout layout, Chunker chunker) {
        this.services = services;
        this.state = state;
        this.store = store;
        this.layout = layout;
        this.chunker = chunker;
    }

    /** An aggregation's jobs, or the one job of a single stage. */
    List<StageSubmitter.Unit> nonArrayUnits(StageSpec stage) {
        return stage.type() == StageType.AGGREGATE
                ? aggregateUnits(stage)
                : List.of(new StageSubmitter.Unit(new Chunk(0, 0, 1), "0", Map.of(), null));
    }

    /** Every job of a non-array stage again, named for the round. */
    List<StageSubmitter.Unit> wholeStageUnits(StageSpec stage, int round) {
        return nonArrayUnits(stage).stream()
                .map(u -> new StageSubmitter.Unit(u.chunk(), u.part() + "-r" + round, u.env(), u.partition()))
                .toList();
    }

    private List<StageSubmitter.Unit> aggregateUnits(StageSpec stage) {
        if (stage.count() != null && stage.count().partitionsFrom() != null) {
            List<String> partitions = readPartitions(stage.count().partitionsFrom());
            List<StageSubmitter.Unit> units = new ArrayList<>();
            for (int p = 0; p < partitions.size(); p++) {
                units.add(new StageSubmitter.Unit(
                        new Chunk(p, p, 1),
                        "p" + p,
                        Map.of(
                                "BATCHGRAPH_PARTITION",
                                partitions.get(p),
                                "BATCHGRAPH_AGGREGATE_COUNT",
                                String.valueOf(partitions.size())),
                        partitions.get(p)));
            }
            services.listener()
                    .message("stage " + stage.name() + ": " + partitions.size() + " partition(s) "
                            + partitions.stream().limit(10).toList() + (partitions.size() > 10 ? "..." : ""));
            return units;
        }
        int count = ArrayLayout.aggregateCount(stage, state.itemCount).orElseThrow();
        if (count == 1) {
            return List.of(
                    new StageSubmitter.Unit(new Chunk(0, 0, 1), "0", Map.of("BATCHGRAPH_AGGREGATE_COUNT", "1"), null));
        }
        List<StageSubmitter.Unit> units = new ArrayList<>();
        for (Chunk chunk : chunker.split(count)) {
            units.add(new StageSubmitter.Unit(
                    chunk,
                    String.valueOf(chunk.index()),
                    Map.of(
                            "BATCHGRAPH_AGGREGATE_COUNT", String.valueOf(count),
                            "BATCHGRAPH_INDEX_OFFSET", String.valueOf(chunk.offset())),
                    null));
        }
        return units;
    }

    /** Distinct lines of {@code <stage output>/*.partitions}, sorted. */
    private List<String> readPartitions(String stageName) {
        TreeSet<String> keys = new TreeSet<>();
        for (String uri : store.list(layout.outputUri(stageName) + "/")) {
            if (!uri.endsWith(".partitions")) {
                continue;
            }
            String text = new String(store.get(uri).orElse(new byte[0]), StandardCharsets.UTF_8);
            text.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(keys::add);
        }
        return new ArrayList<>(keys);
    }
}
