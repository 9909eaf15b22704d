package io.jenkins.plugins.awsbatch.engine.plan;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import io.jenkins.plugins.awsbatch.engine.graph.ExecutionModes;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageDependency;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The plan of a whole graph for a number of items, as the runner will submit it: per stage its jobs (chunks
 * or waves with their item ranges), whether it is submitted upfront or gated, and its dependencies as they
 * reach Batch (N_TO_N chunk to chunk, a whole stage, SEQUENTIAL children, barrier jobs past 20). What
 * {@code validate --plan} prints and the pictures and reports draw.
 */
public record GraphLayout(String name, String mode, long items, List<StageLayout> stages) {

    /** One stage. {@code jobs} is empty when the count is known only at run time ({@code jobsNote} says why). */
    public record StageLayout(
            String name,
            String type,
            boolean gated,
            long population,
            List<Chunk> jobs,
            String jobsNote,
            boolean waves,
            Integer maxConcurrency,
            String consumableResource,
            boolean sequential,
            List<Edge> dependsOn,
            int barrierJobs) {
        public long arrayJobs() {
            return jobs.stream().filter(Chunk::isArray).count();
        }
    }

    /**
     * A dependency of {@code to} on {@code from}: {@code N_TO_N} (child i after child i, chunk k after chunk
     * k), {@code ALL} (after every job of the stage), or {@code LAST} (cleanup: after every other stage,
     * whatever their outcome).
     */
    public record Edge(String from, String to, String type) {}

    public static GraphLayout of(GraphSpec graph, long items, int maxArraySize) {
        ArrayLayout layout = new ArrayLayout(maxArraySize);
        Map<String, List<Chunk>> jobsByStage = new HashMap<>();
        List<StageLayout> stages = new ArrayList<>();
        for (StageSpec stage : graph.stages()) {
            List<Chunk> jobs;
            String note = null;
            long population = 0;
            switch (stage.type()) {
                case ARRAY -> {
                    population = items;
                    jobs = layout.arrayChunks(stage, items);
                    if (stage.dependsOn().stream()
                            .anyMatch(d -> graph.stage(d.stage())
                                    .map(StageSpec::toleratesFailures)
                                    .orElse(false))) {
                        note = "at most: items failed upstream are left out";
                    }
                }
                case AGGREGATE -> {
                    OptionalInt count = ArrayLayout.aggregateCount(stage, items);
                    jobs = count.isPresent() ? layout.aggregateChunks(count.getAsInt()) : List.of();
                    population = count.orElse(0);
                    if (count.isEmpty()) {
                        note = "one job per partition written by "
                                + stage.count().partitionsFrom();
                    }
                }
                case CLEANUP -> {
                    jobs = stage.isBuiltInCleanup() ? List.of() : List.of(new Chunk(0, 0, 1));
                    note = stage.isBuiltInCleanup() ? "runs in the engine, not as a Batch job" : null;
                }
                default -> {
                    jobs = List.of(new Chunk(0, 0, 1));
                    population = 1;
                }
            }
            jobsByStage.put(stage.name(), jobs);
            boolean gated = ExecutionModes.isGated(graph, stage);
            List<Edge> edges = edges(graph, stage);
            int barriers = gated ? 0 : barriers(stage, jobs, edges, jobsByStage);
            stages.add(new StageLayout(
                    stage.name(),
                    stage.type().name(),
                    gated,
                    population,
                    jobs,
                    note,
                    ExecutionModes.usesWaves(stage),
                    stage.maxConcurrency(),
                    stage.consumableResource(),
                    stage.isSequential(),
                    edges,
                    barriers));
        }
        return new GraphLayout(graph.name(), ExecutionModes.describe(graph), items, stages);
    }

    private static List<Edge> edges(GraphSpec graph, StageSpec stage) {
        List<Edge> edges = new ArrayList<>();
        if (stage.type() == StageType.CLEANUP && stage.dependsOn().isEmpty()) {
            for (StageSpec other : graph.stages()) {
                boolean sink = other.type() != StageType.CLEANUP
                        && graph.stages().stream()
                                .noneMatch(s -> s.dependsOn().stream()
                                        .anyMatch(d -> d.stage().equals(other.name())));
                if (sink) {
                    edges.add(new Edge(other.name(), stage.name(), "LAST"));
                }
            }
            return edges;
        }
        for (StageDependency dep : stage.dependsOn()) {
            edges.add(new Edge(dep.stage(), stage.name(), dep.isNToN() ? "N_TO_N" : "ALL"));
        }
        return edges;
    }

    /**
     * Barrier jobs of an upfront stage: each of its jobs carries one dependency per N_TO_N pair and one per
     * job of a whole stage before it (plus the wave before, and room for its own SEQUENTIAL entry).
     */
    private static int barriers(
            StageSpec stage, List<Chunk> jobs, List<Edge> edges, Map<String, List<Chunk>> jobsByStage) {
        int total = 0;
        for (Chunk job : jobs) {
            int deps = 0;
            for (Edge edge : edges) {
                deps += edge.type().equals("N_TO_N")
                        ? 1
                        : jobsByStage.getOrDefault(edge.from(), List.of()).size();
            }
            if (ExecutionModes.usesWaves(stage) && job.index() > 0) {
                deps++;
            }
            int room = BatchLimits.MAX_DEPENDENCIES - (job.isArray() && stage.isSequential() ? 1 : 0);
            total += ArrayLayout.barrierJobs(deps, room);
        }
        return total;
    }
}
