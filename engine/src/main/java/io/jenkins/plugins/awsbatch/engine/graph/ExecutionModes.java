package io.jenkins.plugins.awsbatch.engine.graph;

/**
 * Which stages must be "gated" (submitted by the runner after judging the stages before them) rather than
 * submitted upfront with Batch dependencies. Batch fails every dependent as soon as one child fails, so
 * anything that must look at a finished stage first is gated: the stage after one that tolerates failures or
 * retries failed items, an aggregation whose count is read from what ran before, and cleanup (it runs always).
 */
public final class ExecutionModes {
    private ExecutionModes() {}

    public static boolean isGated(GraphSpec graph, StageSpec stage) {
        if ("gated".equals(graph.mode()) || stage.type() == StageType.CLEANUP) {
            return true;
        }
        if (stage.count() != null && stage.count().isVariable()) {
            return true;
        }
        if (usesWaves(stage)) {
            return true; // its chunks are waves, not the upstream's chunks: nothing to pair N_TO_N with
        }
        for (StageDependency dep : stage.dependsOn()) {
            StageSpec upstream = graph.stage(dep.stage()).orElse(null);
            if (upstream != null
                    && (upstream.toleratesFailures()
                            || upstream.retryRounds() > 0
                            || upstream.maxConcurrency() != null && upstream.consumableResource() == null)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A concurrency cap without a consumable resource is honoured by waves: arrays of at most
     * {@code maxConcurrency} children, each submitted by the runner once the one before has ended.
     */
    public static boolean usesWaves(StageSpec stage) {
        return stage.maxConcurrency() != null && stage.consumableResource() == null && stage.type() == StageType.ARRAY;
    }

    /** {@code upfront} when no stage needs gating (cleanup excepted: it always runs last), else {@code gated}. */
    public static String describe(GraphSpec graph) {
        boolean anyGated = graph.stages().stream()
                .filter(s -> s.type() != StageType.CLEANUP)
                .anyMatch(s -> isGated(graph, s) || s.toleratesFailures() || s.retryRounds() > 0);
        return anyGated ? "gated" : "upfront";
    }
}
