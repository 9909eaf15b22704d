package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.run.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.LazyStores;
import io.jenkins.plugins.awsbatch.engine.run.RunState;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The run a command works on ({@code RUN}, {@code --store}) and how to reach its engine. */
final class RunSelection {
    @Parameters(index = "0", paramLabel = "RUN", description = "run id or run URI")
    String run;

    @Option(names = "--store", description = "the store runs were written to (default file://.batchgraph/runs)")
    String store;

    @Mixin
    EngineOptionsMixin engineOptions;

    LazyStores stores() {
        return EngineFactory.stores(engineOptions.toOptions());
    }

    RunState load(LazyStores stores) {
        return RunLocator.load(run, store, stores);
    }

    RunState load() {
        try (LazyStores stores = stores()) {
            return load(stores);
        }
    }

    /** How to reach the run's engine: the options given, else the region and endpoint the run recorded. */
    EngineOptions engineOptionsFor(RunState state) {
        return engineOptions.toOptions().orRecorded(state.region, state.endpointUrl).withEngine(state.engine);
    }

    /** Where the run's relative paths resolve (its graph file's folder), for engines rebuilt after the fact. */
    static Path baseDir(RunState state) {
        return state.baseDir == null ? Path.of("").toAbsolutePath() : Path.of(state.baseDir);
    }
}
