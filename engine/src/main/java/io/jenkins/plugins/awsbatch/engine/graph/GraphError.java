package io.jenkins.plugins.awsbatch.engine.graph;

/** One problem in a graph: where it is ({@code stages[1].timeout}), what is wrong, and how to fix it. */
public record GraphError(String path, String problem, String fix) {
    @Override
    public String toString() {
        return path + ": " + problem + (fix == null || fix.isEmpty() ? "" : ". Fix: " + fix);
    }
}
