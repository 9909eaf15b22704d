package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import picocli.CommandLine.Option;

/** Options that pick and reach an engine, shared by the commands that start runs from a graph file. */
final class EngineOptionsMixin extends AwsAccessOptions {
    @Option(names = "--engine", description = "local (default) or aws; overrides the file's engine")
    String engine;

    @Option(names = "--slots", description = "local engine: jobs running at once (default: number of cores)")
    Integer slots;

    @Override
    EngineOptions toOptions() {
        return toOptions(engine, slots);
    }
}
