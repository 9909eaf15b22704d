package io.jenkins.plugins.awsbatch.engine.report;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout;
import io.jenkins.plugins.awsbatch.engine.plan.Manifest;
import io.jenkins.plugins.awsbatch.engine.plan.Planner;
import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the report pages say about a run, read from its journal: per stage its status, counts, duration and
 * failed items, the plan's layout for the picture, and the item keys (from the manifest, when it is kept).
 */
public record RunReport(RunState state, GraphLayout layout, List<StageReport> stages, Function<Long, String> keyOf) {

    /** One stage: {@code items} are the item indexes it ran over (or its job positions for a non-array stage). */
    public record StageReport(
            String name,
            String type,
            StageStatus status,
            String reason,
            long total,
            long succeeded,
            long failed,
            long durationMs,
            double computeSeconds,
            List<FailedItem> failedItems,
            long[] items) {
        public boolean ran() {
            return status != StageStatus.WAITING && status != StageStatus.SKIPPED;
        }
    }

    /**
     * @param manifest the plan's manifest (item keys), when the store still has it
     * @param population reads a stage's population index map (items that survived upstream failures); empty
     *                   when it is gone (cleaned up)
     */
    public static RunReport of(
            RunState state, Optional<Manifest> manifest, Function<String, Optional<long[]>> population) {
        GraphLayout layout = GraphLayout.of(state.graph, Math.max(0, state.itemCount), BatchLimits.MAX_ARRAY_SIZE);
        List<StageReport> stages = new ArrayList<>();
        Map<String, Set<Long>> dropped = new HashMap<>();
        for (GraphLayout.StageLayout planned : layout.stages()) {
            StageState stage = state.stage(planned.name());
            long total = stage.populationSize > 0 ? stage.populationSize : planned.population();
            // Items failed in an array upstream are left out of this one (the runner's survivors).
            Set<Long> left = new TreeSet<>();
            for (GraphLayout.Edge edge : planned.dependsOn()) {
                left.addAll(dropped.getOrDefault(edge.from(), Set.of()));
                if (layout.stages().stream()
                        .anyMatch(s -> s.name().equals(edge.from()) && s.type().equals("ARRAY"))) {
                    left.addAll(state.stage(edge.from()).failedItems.keySet());
                }
            }
            dropped.put(planned.name(), left);
            long[] items = stage.populationUri != null
                    ? population.apply(stage.populationUri).orElse(null)
                    : null;
            if (items == null
                    && planned.type().equals("ARRAY")
                    && !left.isEmpty()
                    && state.itemCount - left.size() == total) {
                items = java.util.stream.LongStream.range(0, state.itemCount)
                        .filter(i -> !left.contains(i))
                        .toArray();
            }
            if (items == null) {
                items = new long[(int) Math.max(0, total)];
                for (int i = 0; i < items.length; i++) {
                    items[i] = i;
                }
            }
            long failed = stage.counts.getOrDefault(JobStatus.FAILED, 0);
            long duration = stage.finishedAt > 0 && stage.submittedAt > 0
                    ? stage.finishedAt - stage.submittedAt
                    : stage.submittedAt > 0 && state.finishedAt > 0 ? state.finishedAt - stage.submittedAt : 0;
            stages.add(new StageReport(
                    planned.name(),
                    planned.type(),
                    stage.status,
                    stage.reason,
                    total,
                    stage.counts.getOrDefault(JobStatus.SUCCEEDED, 0),
                    Math.max(failed, stage.failedItems.size()),
                    Math.max(0, duration),
                    stage.computeSeconds,
                    List.copyOf(stage.failedItems.values()),
                    items));
        }
        Function<Long, String> keys =
                manifest.<Function<Long, String>>map(m -> m::keyOf).orElse(String::valueOf);
        return new RunReport(state, layout, stages, keys);
    }

    /**
     * The report of a run with its item keys and populations read from the run's store; a store that lost
     * them (cleaned up, unreachable) still gives a report, with item indexes for keys.
     */
    public static RunReport read(RunState state, StoreResolver stores) {
        RunLayout layout = new RunLayout(state.storeUri, state.runId);
        Optional<Manifest> manifest =
                quietly(() -> Planner.readManifest(layout, stores.forUri(layout.manifestUri()), Json.mapper()));
        return of(
                state,
                manifest,
                uri -> quietly(() -> stores.forUri(uri).get(uri).map(bytes -> {
                    try {
                        return Json.mapper().readValue(bytes, long[].class);
                    } catch (IOException e) {
                        return null;
                    }
                })));
    }

    private static <T> Optional<T> quietly(Supplier<Optional<T>> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public long durationMs() {
        return state.finishedAt > 0 && state.startedAt > 0 ? state.finishedAt - state.startedAt : 0;
    }

    public String outcome() {
        return state.outcome == null ? "RUNNING" : state.outcome.name();
    }
}
