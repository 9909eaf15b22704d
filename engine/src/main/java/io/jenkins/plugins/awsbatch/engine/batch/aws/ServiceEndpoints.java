package io.jenkins.plugins.awsbatch.engine.batch.aws;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where a run reaches each AWS service: one endpoint override for all ({@code --endpoint-url},
 * {@code AWS_ENDPOINT_URL}) and per-service ones ({@code AWS_ENDPOINT_URL_S3}, ...) keyed by
 * {@link AwsSettings#SERVICES}; a service with neither goes to AWS. Recorded with the run, so its later commands
 * reach the same endpoints.
 */
public record ServiceEndpoints(String common, Map<String, String> services) {
    public static final ServiceEndpoints NONE = new ServiceEndpoints(null, Map.of());

    /**
     * The AWS SDKs' service-specific variables of the services the engine calls ({@code AWS_ENDPOINT_URL_} and
     * the service id in upper case with '_' for spaces), by service key.
     */
    public static final Map<String, String> VARIABLES = Map.of(
            "batch", "AWS_ENDPOINT_URL_BATCH",
            "s3", "AWS_ENDPOINT_URL_S3",
            "logs", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS",
            "dynamodb", "AWS_ENDPOINT_URL_DYNAMODB",
            "sns", "AWS_ENDPOINT_URL_SNS",
            "sqs", "AWS_ENDPOINT_URL_SQS",
            "sts", "AWS_ENDPOINT_URL_STS",
            "events", "AWS_ENDPOINT_URL_EVENTBRIDGE");

    public static final String COMMON_VARIABLE = "AWS_ENDPOINT_URL";
    /** The SDKs' switch that makes them ignore the variables above. */
    public static final String IGNORE_VARIABLE = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    public ServiceEndpoints {
        common = blankToNull(common);
        TreeMap<String, String> sorted = new TreeMap<>();
        if (services != null) {
            services.forEach((service, url) -> {
                if (blankToNull(url) != null) {
                    sorted.put(service.toLowerCase(Locale.ROOT), url.trim());
                }
            });
        }
        services = Map.copyOf(sorted);
    }

    /**
     * The endpoints the environment configures, as the AWS SDKs read them: {@code AWS_ENDPOINT_URL_<SERVICE>} for
     * its service, {@code AWS_ENDPOINT_URL} for the others; none when {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS}
     * is true.
     */
    public static ServiceEndpoints fromEnvironment(Function<String, String> env) {
        if ("true".equalsIgnoreCase(String.valueOf(env.apply(IGNORE_VARIABLE)).trim())) {
            return NONE;
        }
        Map<String, String> services = new TreeMap<>();
        VARIABLES.forEach((service, variable) -> {
            String url = blankToNull(env.apply(variable));
            if (url != null) {
                services.put(service, url);
            }
        });
        return new ServiceEndpoints(env.apply(COMMON_VARIABLE), services);
    }

    /** The endpoint of one service: its own, else the common one, else null (AWS's). */
    public String endpointFor(String service) {
        String own = services.get(service);
        return own != null ? own : common;
    }

    public boolean isEmpty() {
        return common == null && services.isEmpty();
    }

    /**
     * These endpoints where any was given, else {@code recorded} (a run's later commands). A common endpoint given
     * now replaces every recorded one; per-service ones given now replace those of their service.
     */
    public ServiceEndpoints orRecorded(ServiceEndpoints recorded) {
        if (common != null || recorded == null) {
            return this;
        }
        Map<String, String> merged = new TreeMap<>(recorded.services);
        merged.putAll(services);
        return new ServiceEndpoints(recorded.common, merged);
    }

    /** Where the variable or option that set {@code service}'s endpoint is named in errors. */
    public String sourceOf(String service, String commonName) {
        return services.containsKey(service) ? VARIABLES.get(service) : commonName;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
