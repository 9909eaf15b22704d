package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.ConsumableResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.ResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import java.util.List;
import java.util.Map;

/**
 * What one SubmitJob asked for, resolved against its definition: the parent and every child of an array share
 * it, so a 10,000-child array holds one command and one environment.
 *
 * @param command     the command after {@code Ref::} substitution
 * @param environment definition environment overlaid by the request's
 * @param image                the definition's image (recorded, not pulled)
 * @param resourceRequirements the definition's, overlaid per type by the request's
 * @param parameters           the definition's defaults overlaid by the request's
 * @param propagateTags        the request's or the definition's
 */
record JobSpec(
        String jobName,
        String jobQueue,
        String computeEnvironment,
        String jobDefinition,
        Integer arraySize,
        List<JobDependency> dependsOn,
        List<String> command,
        Map<String, String> environment,
        RetryStrategy retryStrategy,
        Integer timeoutSeconds,
        List<ConsumableResourceRequirement> consumableResources,
        String image,
        List<ResourceRequirement> resourceRequirements,
        Map<String, String> parameters,
        boolean propagateTags) {

    JobSpec {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        command = command == null ? List.of() : List.copyOf(command);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        consumableResources = consumableResources == null ? List.of() : List.copyOf(consumableResources);
        resourceRequirements = resourceRequirements == null ? List.of() : List.copyOf(resourceRequirements);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    int maxAttempts() {
        return retryStrategy == null ? 1 : retryStrategy.attempts();
    }
}
