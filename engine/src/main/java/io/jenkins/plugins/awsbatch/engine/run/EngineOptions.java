package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings;

/**
 * How to reach the engine a run uses: {@code local} (slots) or {@code aws} (region, endpoint override for
 * moto or {@code batchgraph local-batch}, profile, credentials, HTTP proxy). Null fields take the defaults (no
 * proxy: the JVM's settings).
 */
public record EngineOptions(String engine, String region, String endpointUrl, String profile,
                            CredentialsSpec credentials, Integer slots, ProxySettings proxy) {

    public EngineOptions(String engine, String region, String endpointUrl, String profile,
                         CredentialsSpec credentials, Integer slots) {
        this(engine, region, endpointUrl, profile, credentials, slots, null);
    }

    public static EngineOptions local() {
        return new EngineOptions("local", null, null, null, null, null);
    }

    /** These options, the region and endpoint a run recorded filling those not given (an existing run's commands). */
    public EngineOptions orRecorded(String recordedRegion, String recordedEndpointUrl) {
        return new EngineOptions(engine, region != null ? region : recordedRegion,
                endpointUrl != null ? endpointUrl : recordedEndpointUrl, profile, credentials, slots, proxy);
    }

    public EngineOptions withEngine(String newEngine) {
        return new EngineOptions(newEngine, region, endpointUrl, profile, credentials, slots, proxy);
    }
}
