package io.jenkins.plugins.awsbatch.engine.batch.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything needed to build a run's AWS clients: region (resolved by {@link RegionResolver} when null),
 * credentials, optional endpoint override (one for all services, e.g. moto, plus per-service overrides keyed
 * by {@link #SERVICES}), optional proxy, retry attempts and the pacing of the engine's own calls.
 * Immutable; {@link #toString()} carries no secret.
 */
public record AwsSettings(
        String region,
        String profile,
        CredentialsSpec credentials,
        URI endpointUrl,
        Map<String, URI> serviceEndpoints,
        ProxySettings proxy,
        int maxAttempts,
        double batchCallsPerSecond,
        double logsCallsPerSecond,
        int s3Concurrency) {

    /** Service keys accepted by {@code serviceEndpoints} (the SDK's endpoint prefixes). */
    public static final Set<String> SERVICES = Set.of("batch", "s3", "logs", "dynamodb", "sns", "sqs", "sts", "events");
    /** Default SDK attempts per call: throttling and 5xx are retried with adaptive backoff up to this many times. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    /** Default pace of the engine's own Batch calls; the account limit is 50 TPS across all callers. */
    public static final double DEFAULT_BATCH_TPS = 10;
    /** Default pace of GetLogEvents; its limit is 10 TPS per account and region. */
    public static final double DEFAULT_LOGS_TPS = 5;

    public static final int DEFAULT_S3_CONCURRENCY = 16;

    public AwsSettings {
        credentials = credentials == null ? CredentialsSpec.defaultChain() : credentials;
        TreeMap<String, URI> endpoints = new TreeMap<>();
        if (serviceEndpoints != null) {
            serviceEndpoints.forEach((k, v) -> {
                String key = k.toLowerCase(Locale.ROOT);
                if (!SERVICES.contains(key)) {
                    throw new IllegalArgumentException("unknown service '" + k
                            + "' for an endpoint override; use one of " + String.join(", ", new TreeSet<>(SERVICES)));
                }
                endpoints.put(key, checkEndpoint(v));
            });
        }
        serviceEndpoints = Map.copyOf(endpoints);
        if (endpointUrl != null) {
            checkEndpoint(endpointUrl);
        }
        if (maxAttempts < 1 || maxAttempts > 50) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 50, was " + maxAttempts);
        }
        if (!(batchCallsPerSecond > 0) || batchCallsPerSecond > 50) {
            throw new IllegalArgumentException("Batch calls per second must be above 0 and at most 50 (the account "
                    + "limit), was " + batchCallsPerSecond);
        }
        if (!(logsCallsPerSecond > 0) || logsCallsPerSecond > 10) {
            throw new IllegalArgumentException("CloudWatch Logs calls per second must be above 0 and at most 10 "
                    + "(GetLogEvents' limit), was " + logsCallsPerSecond);
        }
        if (s3Concurrency < 1 || s3Concurrency > 256) {
            throw new IllegalArgumentException("S3 concurrency must be between 1 and 256, was " + s3Concurrency);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The endpoint for one service: its own override, else the common one, else null (AWS's endpoint). */
    public URI endpointFor(String service) {
        URI own = serviceEndpoints.get(service);
        return own != null ? own : endpointUrl;
    }

    /** Parses an endpoint URL given as text (option, file), with the expected form in the error. */
    public static URI parse(String url) {
        try {
            return checkEndpoint(new URI(url.trim()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("endpoint URL must look like http://127.0.0.1:5000, was '" + url + "'");
        }
    }

    private static URI checkEndpoint(URI uri) {
        if (uri == null
                || uri.getScheme() == null
                || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("endpoint URL must look like http://127.0.0.1:5000 or "
                    + "https://batch.eu-west-1.amazonaws.com, was " + uri);
        }
        return uri;
    }

    public static final class Builder {
        private String region;
        private String profile;
        private CredentialsSpec credentials;
        private URI endpointUrl;
        private final Map<String, URI> serviceEndpoints = new TreeMap<>();
        private ProxySettings proxy;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private double batchCallsPerSecond = DEFAULT_BATCH_TPS;
        private double logsCallsPerSecond = DEFAULT_LOGS_TPS;
        private int s3Concurrency = DEFAULT_S3_CONCURRENCY;

        public Builder region(String v) {
            region = v;
            return this;
        }

        public Builder profile(String v) {
            profile = v;
            return this;
        }

        public Builder credentials(CredentialsSpec v) {
            credentials = v;
            return this;
        }

        public Builder endpointUrl(URI v) {
            endpointUrl = v;
            return this;
        }

        public Builder endpointUrl(String v) {
            endpointUrl = v == null || v.isBlank() ? null : parse(v);
            return this;
        }

        public Builder serviceEndpoint(String service, URI v) {
            serviceEndpoints.put(service, v);
            return this;
        }

        public Builder serviceEndpoints(Map<String, URI> v) {
            serviceEndpoints.putAll(v);
            return this;
        }

        public Builder proxy(ProxySettings v) {
            proxy = v;
            return this;
        }

        public Builder maxAttempts(int v) {
            maxAttempts = v;
            return this;
        }

        public Builder batchCallsPerSecond(double v) {
            batchCallsPerSecond = v;
            return this;
        }

        public Builder logsCallsPerSecond(double v) {
            logsCallsPerSecond = v;
            return this;
        }

        public Builder s3Concurrency(int v) {
            s3Concurrency = v;
            return this;
        }

        public AwsSettings build() {
            return new AwsSettings(
                    region,
                    profile,
                    credentials,
                    endpointUrl,
                    serviceEndpoints,
                    proxy,
                    maxAttempts,
                    batchCallsPerSecond,
                    logsCallsPerSecond,
                    s3Concurrency);
        }
    }
}
