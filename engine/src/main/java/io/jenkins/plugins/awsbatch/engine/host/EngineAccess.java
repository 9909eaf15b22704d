package io.jenkins.plugins.awsbatch.engine.host;

import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.LazyStores;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How a host reaches a run's stores and opens its engine: the CLI from its options, Jenkins with the build's
 * credentials and the local engines its steps share. {@link GraphHost} decides when each is called.
 */
public interface EngineAccess {
    /** Stores to read items, take the run's lock and read its state before any engine exists. */
    LazyStores stores();

    /** The engine of a run, opened once its input is valid and its lock is held. */
    RunEngine open(GraphSpec graph, String runId, Path baseDir);

    /** Engines made by {@link EngineFactory} from {@code options} (the engine kind is the graph's unless set). */
    static EngineAccess of(EngineOptions options, RunListener listener) {
        return new EngineAccess() {
            @Override
            public LazyStores stores() {
                return EngineFactory.stores(options);
            }

            @Override
            public RunEngine open(GraphSpec graph, String runId, Path baseDir) {
                EngineOptions forGraph = options.engine() != null ? options : options.withEngine(graph.engineKind());
                return new EngineFactory(Clock.systemUTC()).create(graph, runId, baseDir, forGraph, listener);
            }
        };
    }
}
