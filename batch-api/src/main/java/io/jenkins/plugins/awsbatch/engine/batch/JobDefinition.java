package io.jenkins.plugins.awsbatch.engine.batch;

import java.util.List;
import java.util.Map;

/**
 * A container job definition as RegisterJobDefinition takes it. On the local engine {@code command} runs as a
 * local process ({@code image} is recorded, not pulled); {@code parameters} are the defaults of {@code Ref::}
 * placeholders.
 */
public record JobDefinition(
        String name,
        int revision,
        String image,
        List<String> command,
        Map<String, String> environment,
        Map<String, String> parameters,
        RetryStrategy retryStrategy,
        Integer timeoutSeconds,
        List<ResourceRequirement> resourceRequirements,
        Map<String, String> tags,
        boolean propagateTags) {

    public JobDefinition {
        command = command == null ? List.of() : List.copyOf(command);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        resourceRequirements = resourceRequirements == null ? List.of() : List.copyOf(resourceRequirements);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** {@code name:revision}, the form SubmitJob accepts. */
    public String nameWithRevision() {
        return name + ":" + revision;
    }

    public JobDefinition withRevision(int newRevision) {
        return new JobDefinition(
                name,
                newRevision,
                image,
                command,
                environment,
                parameters,
                retryStrategy,
                timeoutSeconds,
                resourceRequirements,
                tags,
                propagateTags);
    }

    public static JobDefinition ofCommand(String name, List<String> command) {
        return new JobDefinition(name, 0, null, command, Map.of(), Map.of(), null, null, null, null, false);
    }
}
