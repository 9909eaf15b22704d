package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.run.EngineOptions;
import picocli.CommandLine.Option;

/** Options that pick and reach an engine, shared by the commands that run or inspect runs. */
final class EngineOptionsMixin {
    @Option(names = "--engine", description = "local (default) or aws; overrides the file's engine")
    String engine;

    @Option(names = "--region", description = "AWS region (else AWS_REGION, else the profile's)")
    String region;

    @Option(names = "--endpoint-url", description = "AWS endpoint override, e.g. moto or `batchgraph local-batch`")
    String endpointUrl;

    @Option(names = "--profile", description = "AWS profile for credentials and region")
    String profile;

    @Option(names = "--slots", description = "local engine: jobs running at once (default: number of cores)")
    Integer slots;

    EngineOptions toOptions() {
        return new EngineOptions(engine, region, endpointUrl, profile, null, slots);
    }
}
