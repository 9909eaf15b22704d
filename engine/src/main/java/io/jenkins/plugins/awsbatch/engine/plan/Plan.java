package io.jenkins.plugins.awsbatch.engine.plan;

import java.util.List;

/** What planning returns: the run, how many items, where and how they are stored, and the chunks array stages use. */
public record Plan(
        String runId, String runUri, String itemsUri, long itemCount, List<Chunk> chunks, ItemLayout itemLayout) {
    public Plan {
        chunks = List.copyOf(chunks);
    }

    public boolean isEmpty() {
        return itemCount == 0;
    }
}
