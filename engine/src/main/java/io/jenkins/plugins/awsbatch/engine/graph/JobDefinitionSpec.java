package io.jenkins.plugins.awsbatch.engine.graph;

import java.util.List;
import java.util.Map;

/**
 * How a job definition runs on the local engine (on AWS the stage names a registered definition instead).
 * {@code vcpus} and {@code memory} (MiB) are recorded and sent as resource requirements.
 */
public record JobDefinitionSpec(
        List<String> command,
        Map<String, String> environment,
        Map<String, String> parameters,
        String image,
        Integer vcpus,
        Integer memory,
        RetrySpec retry,
        Integer timeout) {

    public JobDefinitionSpec {
        command = command == null ? List.of() : List.copyOf(command);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
