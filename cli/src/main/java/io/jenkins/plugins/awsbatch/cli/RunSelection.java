package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.LazyStores;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The run a command works on ({@code RUN}, {@code --store}) and how to reach its engine. */
final class RunSelection {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "run id or run URI")
    String run;

    @Option(names = "--store", description = "the store runs were written to (default file://.batchgraph/runs)")
    String store;

    /** The run names its engine: only how to reach AWS is asked for. */
    @Mixin
    AwsAccessOptions engineOptions;

    LazyStores stores() {
        return EngineFactory.stores(engineOptions.toOptions());
    }

    RunState load(LazyStores stores) {
        if (run == null) {
            throw new CliException("give RUN: a run id or the run's URI", BatchGraphCli.EXIT_INVALID);
        }
        return RunLocator.load(run, store, stores);
    }

    RunState load() {
        try (LazyStores stores = stores()) {
            return load(stores);
        }
    }

    /** How to reach the run's engine: the options given, else the region and endpoint the run recorded. */
    EngineOptions engineOptionsFor(RunState state) {
        return engineOptionsFor(state, null);
    }

    /** The options given, else what the run recorded (region, endpoint), on the engine the run used. */
    EngineOptions engineOptionsFor(RunState state, Integer slots) {
        return engineOptions
                .toOptions(state.engine, slots)
                .orRecorded(state.region, state.endpointUrl, state.serviceEndpoints);
    }

    /** Where the run's relative paths resolve (its graph file's folder), for engines rebuilt after the fact. */
    static Path baseDir(RunState state) {
        return state.baseDir == null ? Path.of("").toAbsolutePath() : Path.of(state.baseDir);
    }
}
