package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.ResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a job was submitted with, resolved against its definition, as AWS's DescribeJobs reports it: a local-only
 * companion of {@code JobDetail} (see {@link LocalBatchService#describeJobSpecs}).
 *
 * @param command              after {@code Ref::} substitution
 * @param environment          the definition's overlaid by the overrides', without the {@code AWS_BATCH_*}
 *                             variables the engine adds to each attempt
 * @param image                the definition's image (recorded, not pulled); may be null
 * @param resourceRequirements the definition's, overlaid per type by the overrides'
 * @param retryStrategy        the request's or the definition's; null when neither gave one
 * @param timeoutSeconds       {@code attemptDurationSeconds}, the request's or the definition's; may be null
 * @param parameters           the definition's defaults overlaid by the request's
 * @param propagateTags        the request's or the definition's
 */
public record JobSpecView(
        String jobId,
        List<String> command,
        Map<String, String> environment,
        String image,
        List<ResourceRequirement> resourceRequirements,
        RetryStrategy retryStrategy,
        Integer timeoutSeconds,
        Map<String, String> parameters,
        boolean propagateTags) {

    public JobSpecView {
        command = command == null ? List.of() : List.copyOf(command);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        resourceRequirements = resourceRequirements == null ? List.of() : List.copyOf(resourceRequirements);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    static JobSpecView of(String jobId, JobSpec spec) {
        Map<String, String> environment = new LinkedHashMap<>();
        spec.environment().forEach((name, value) -> {
            if (!name.startsWith("AWS_BATCH_")) {
                environment.put(name, value);
            }
        });
        return new JobSpecView(
                jobId,
                spec.command(),
                environment,
                spec.image(),
                spec.resourceRequirements(),
                spec.retryStrategy(),
                spec.timeoutSeconds(),
                spec.parameters(),
                spec.propagateTags());
    }
}
