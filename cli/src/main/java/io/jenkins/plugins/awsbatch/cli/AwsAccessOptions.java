package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * How to reach AWS (region, endpoint, profile): all that the commands on an existing run take, since the run
 * names its own engine.
 */
class AwsAccessOptions {
    /** Where environment variables are read; tests set their own. */
    static Function<String, String> environment = System::getenv;

    @Option(names = "--region", description = "AWS region (else AWS_REGION, else the profile's)")
    String region;

    @Option(
            names = "--endpoint-url",
            description = "AWS endpoint override for every service, e.g. moto or `batchgraph"
                    + " local-batch` (else AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL)")
    String endpointUrl;

    @Option(names = "--profile", description = "AWS profile for credentials and region")
    String profile;

    EngineOptions toOptions() {
        return toOptions(null, null);
    }

    /**
     * The options given ({@code engine} as written: {@code local}, {@code aws}, or null for the graph's), with the endpoints the environment configures ({@code AWS_ENDPOINT_URL},
     * {@code AWS_ENDPOINT_URL_<SERVICE>}) when no {@code --endpoint-url} is given.
     */
    EngineOptions toOptions(String engine, Integer slots) {
        return new EngineOptions(EngineKind.of(engine), region, endpointUrl, profile, null, slots)
                .withEnvironmentEndpoints(environment);
    }
}
