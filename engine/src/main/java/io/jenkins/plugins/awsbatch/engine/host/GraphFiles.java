package io.jenkins.plugins.awsbatch.engine.host;

import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;

/**
 * A whole graph file as every host runs it ({@code batchgraph run}, Jenkins' {@code awsBatchRun}): the host's
 * engine and store replace the file's when the host sets them, the host's region and queue fill those the file
 * leaves out, and on the local engine each stage's {@code maxConcurrency} becomes a consumable resource.
 * {@link GraphHost#start} validates the result.
 */
public final class GraphFiles {
    private GraphFiles() {}

    /**
     * @param engine the host's engine ({@code local}/{@code aws}) over the file's, or null
     * @param store the host's store over the file's, or null
     * @param region the region when the file names none, or null
     * @param queue the default queue when the file names none, or null
     */
    public static GraphSpec withHostSettings(
            GraphSpec graph, String engine, String store, String region, String queue) {
        GraphSpec.Builder b = graph.toBuilder();
        if (engine != null) {
            b.engine(engine);
        }
        if (store != null) {
            b.store(store);
        }
        if (graph.region() == null && region != null) {
            b.region(region);
        }
        if (graph.queue() == null && queue != null) {
            b.queue(queue);
        }
        GraphSpec result = b.build();
        return EngineKind.isLocal(result.engineOrDefault())
                ? EngineFactory.withLocalConcurrencyResources(result)
                : result;
    }
}
