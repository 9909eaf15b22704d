package io.jenkins.plugins.awsbatch.engine.run.wiring;

import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsSettings;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings;
import io.jenkins.plugins.awsbatch.engine.batch.aws.ServiceEndpoints;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How to reach the engine a run uses ({@code engine}: null for the graph's): {@code local} (slots) or {@code aws} (region, endpoint override for
 * moto or {@code batchgraph local-batch} and per-service ones keyed by {@link AwsSettings#SERVICES}, profile,
 * credentials, HTTP proxy). Null fields take the defaults (no proxy: the JVM's settings).
 */
public record EngineOptions(
        EngineKind engine,
        String region,
        String endpointUrl,
        String profile,
        CredentialsSpec credentials,
        Integer slots,
        ProxySettings proxy,
        Map<String, String> serviceEndpoints) {

    public EngineOptions {
        serviceEndpoints = serviceEndpoints == null ? Map.of() : Map.copyOf(serviceEndpoints);
    }

    public EngineOptions(
            EngineKind engine,
            String region,
            String endpointUrl,
            String profile,
            CredentialsSpec credentials,
            Integer slots,
            ProxySettings proxy) {
        this(engine, region, endpointUrl, profile, credentials, slots, proxy, Map.of());
    }

    public EngineOptions(
            EngineKind engine,
            String region,
            String endpointUrl,
            String profile,
            CredentialsSpec credentials,
            Integer slots) {
        this(engine, region, endpointUrl, profile, credentials, slots, null);
    }

    public static EngineOptions local() {
        return new EngineOptions(EngineKind.LOCAL, null, null, null, null, null);
    }

    /** The common and per-service endpoints. */
    public ServiceEndpoints endpoints() {
        return new ServiceEndpoints(endpointUrl, serviceEndpoints);
    }

    /** The endpoint {@code service}'s calls go to: its own, else the common one, else null (AWS's). */
    public String endpointFor(String service) {
        return endpoints().endpointFor(service);
    }

    /**
     * These options with the endpoints the environment configures ({@link ServiceEndpoints#fromEnvironment}) where
     * none was given: an endpoint given (e.g. {@code --endpoint-url}) applies to every service, as the AWS CLI's
     * does.
     */
    public EngineOptions withEnvironmentEndpoints(Function<String, String> env) {
        if (!endpoints().isEmpty()) {
            return this;
        }
        return withEndpoints(ServiceEndpoints.fromEnvironment(env));
    }

    /** These options, the region and endpoint a run recorded filling those not given (an existing run's commands). */
    public EngineOptions orRecorded(String recordedRegion, String recordedEndpointUrl) {
        return orRecorded(recordedRegion, recordedEndpointUrl, Map.of());
    }

    /** As {@link #orRecorded(String, String)}, with the per-service endpoints the run recorded. */
    public EngineOptions orRecorded(
            String recordedRegion, String recordedEndpointUrl, Map<String, String> recordedServiceEndpoints) {
        ServiceEndpoints endpoints =
                endpoints().orRecorded(new ServiceEndpoints(recordedEndpointUrl, recordedServiceEndpoints));
        return new EngineOptions(
                engine,
                region != null ? region : recordedRegion,
                endpoints.common(),
                profile,
                credentials,
                slots,
                proxy,
                endpoints.services());
    }

    public EngineOptions withEngine(EngineKind newEngine) {
        return new EngineOptions(newEngine, region, endpointUrl, profile, credentials, slots, proxy, serviceEndpoints);
    }

    public EngineOptions withEndpoints(ServiceEndpoints endpoints) {
        return new EngineOptions(
                engine, region, endpoints.common(), profile, credentials, slots, proxy, endpoints.services());
    }

    /** AWS client settings for these options: region (null: resolved), profile, credentials, endpoints, proxy. */
    public AwsSettings.Builder awsSettings() {
        Map<String, URI> services = new TreeMap<>();
        serviceEndpoints.forEach((service, url) -> services.put(service, AwsSettings.parse(url)));
        return AwsSettings.builder()
                .region(region)
                .profile(profile)
                .credentials(credentials)
                .endpointUrl(endpointUrl)
                .serviceEndpoints(services)
                .proxy(proxy);
    }
}
