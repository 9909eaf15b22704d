package io.jenkins.plugins.awsbatch.engine.plan;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import io.jenkins.plugins.awsbatch.engine.graph.CountExpression;
import io.jenkins.plugins.awsbatch.engine.graph.ExecutionModes;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * How a stage's work becomes Batch jobs: the one rule the runner submits by and the plan pictures draw.
 * Arrays are chunks of at most {@code maxArraySize} children, or waves of at most {@code maxConcurrency}
 * (each after the one before); an aggregate runs {@code count} jobs; more than Batch's 20 dependencies go
 * through barrier jobs.
 */
public final class ArrayLayout {
    private final int maxArraySize;
    private final Chunker chunker;

    public ArrayLayout(int maxArraySize) {
        this.maxArraySize = maxArraySize;
        this.chunker = new Chunker(maxArraySize);
    }

    /** The jobs of an array stage over {@code population} items: chunks, or waves with a concurrency cap. */
    public List<Chunk> arrayChunks(StageSpec stage, long population) {
        if (!ExecutionModes.usesWaves(stage)) {
            return chunker.split(population);
        }
        int wave = Math.min(stage.maxConcurrency(), maxArraySize);
        if (wave >= 2) {
            return new Chunker(wave).split(population);
        }
        List<Chunk> singles = new ArrayList<>();
        for (long i = 0; i < population; i++) {
            singles.add(new Chunk((int) i, i, 1));
        }
        return singles;
    }

    /** An aggregate stage's job count over {@code items}; empty while it waits for partitions to be written. */
    public static OptionalInt aggregateCount(StageSpec stage, long items) {
        if (stage.count() == null) {
            return OptionalInt.of(1);
        }
        if (stage.count().isVariable()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(
                stage.count().fixed() != null
                        ? stage.count().fixed()
                        : CountExpression.parse(stage.count().expression()).evaluate(items));
    }

    /** {@code count} aggregation jobs: one job, or arrays of them. */
    public List<Chunk> aggregateChunks(int count) {
        return count == 1 ? List.of(new Chunk(0, 0, 1)) : chunker.split(count);
    }

    /**
     * Barrier jobs one job needs for {@code dependencies} Batch dependencies when it may carry {@code room}:
     * groups of 20 fan in through one barrier each, level after level.
     */
    public static int barrierJobs(int dependencies, int room) {
        int barriers = 0;
        int deps = dependencies;
        while (deps > room) {
            int groups = (deps + BatchLimits.MAX_DEPENDENCIES - 1) / BatchLimits.MAX_DEPENDENCIES;
            barriers += groups;
            deps = groups;
        }
        return barriers;
    }
}
