package io.jenkins.plugins.awsbatch.engine.plan;

/**
 * One array job's share of a stage: items {@code offset .. offset+size-1}. A chunk of size 1 is submitted as a
 * single job (Batch arrays need at least 2 children); its job reads item {@code offset}.
 */
public record Chunk(int index, long offset, int size) {
    public boolean isArray() {
        return size >= 2;
    }
}
