package io.jenkins.plugins.awsbatch.engine.plan;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits N items into ceil(N / 10,000) chunks of sizes as equal as possible (they differ by at most one), so
 * every chunk but a one-item plan is a valid array (2..10,000). 25,001 items → 8,334 + 8,334 + 8,333.
 */
public final class Chunker {
    private final int maxChunk;

    public Chunker() {
        this(BatchLimits.MAX_ARRAY_SIZE);
    }

    public Chunker(int maxChunk) {
        if (maxChunk < 2) {
            throw new IllegalArgumentException("maxChunk must be at least 2");
        }
        this.maxChunk = maxChunk;
    }

    public List<Chunk> split(long items) {
        if (items <= 0) {
            return List.of();
        }
        int chunks = (int) ((items + maxChunk - 1) / maxChunk);
        long base = items / chunks;
        long remainder = items % chunks;
        List<Chunk> out = new ArrayList<>(chunks);
        long offset = 0;
        for (int i = 0; i < chunks; i++) {
            int size = (int) (base + (i < remainder ? 1 : 0));
            out.add(new Chunk(i, offset, size));
            offset += size;
        }
        return out;
    }
}
