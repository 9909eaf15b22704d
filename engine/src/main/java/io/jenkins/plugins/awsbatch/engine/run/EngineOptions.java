package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;

/**
 * How to reach the engine a run uses: {@code local} (slots) or {@code aws} (region, endpoint override for
 * moto or {@code batchgraph local-batch}, profile, credentials). Null fields take the defaults.
 */
public record EngineOptions(String engine, String region, String endpointUrl, String profile,
                            CredentialsSpec credentials, Integer slots) {

    public static EngineOptions local() {
        return new EngineOptions("local", null, null, null, null, null);
    }

    public EngineOptions withEngine(String newEngine) {
        return new EngineOptions(newEngine, region, endpointUrl, profile, credentials, slots);
    }
}
