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

    /** These options, the region and endpoint a run recorded filling those not given (an existing run's commands). */
    public EngineOptions orRecorded(String recordedRegion, String recordedEndpointUrl) {
        return new EngineOptions(engine, region != null ? region : recordedRegion,
                endpointUrl != null ? endpointUrl : recordedEndpointUrl, profile, credentials, slots);
    }

    public EngineOptions withEngine(String newEngine) {
        return new EngineOptions(newEngine, region, endpointUrl, profile, credentials, slots);
    }
}
