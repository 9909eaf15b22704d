package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.run.EngineOptions;
import picocli.CommandLine.Option;

/**
 * How to reach AWS (region, endpoint, profile): all that the commands on an existing run take, since the run
 * names its own engine.
 */
class AwsAccessOptions {
    @Option(names = "--region", description = "AWS region (else AWS_REGION, else the profile's)")
    String region;

    @Option(names = "--endpoint-url", description = "AWS endpoint override, e.g. moto or `batchgraph local-batch`")
    String endpointUrl;

    @Option(names = "--profile", description = "AWS profile for credentials and region")
    String profile;

    EngineOptions toOptions() {
        return toOptions(null, null);
    }

    EngineOptions toOptions(String engine, Integer slots) {
        return new EngineOptions(engine, region, endpointUrl, profile, null, slots);
    }
}
