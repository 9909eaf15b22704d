package io.jenkins.plugins.awsbatch.engine.run.wiring;

import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.JobDefinitionSpec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.ContainerProperties;
import software.amazon.awssdk.services.batch.model.JobDefinitionType;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.batch.model.RegisterJobDefinitionRequest;
import software.amazon.awssdk.services.batch.model.ResourceRequirement;
import software.amazon.awssdk.services.batch.model.ResourceType;

/**
 * Registers the graph file's job definitions on a Batch endpoint on this machine ({@code batchgraph
 * local-batch}), so the same file runs through the real Batch API unchanged. On real AWS the definitions are
 * registered by the team (images, roles), and the file only names them.
 */
final class EndpointDefinitions {
    private final BatchClient batch;

    EndpointDefinitions(BatchClient batch) {
        this.batch = batch;
    }

    void register(GraphSpec graph) {
        graph.jobDefinitions().forEach(this::register);
        register(
                GraphSpec.LOCAL_BARRIER_DEFINITION,
                new JobDefinitionSpec(List.of("true"), null, null, null, null, null, null, null));
    }

    private void register(String name, JobDefinitionSpec spec) {
        List<ResourceRequirement> resources = new ArrayList<>();
        resources.add(ResourceRequirement.builder()
                .type(ResourceType.VCPU)
                .value(String.valueOf(spec.vcpus() == null ? 1 : spec.vcpus()))
                .build());
        resources.add(ResourceRequirement.builder()
                .type(ResourceType.MEMORY)
                .value(String.valueOf(spec.memory() == null ? 512 : spec.memory()))
                .build());
        RegisterJobDefinitionRequest.Builder request = RegisterJobDefinitionRequest.builder()
                .jobDefinitionName(name)
                .type(JobDefinitionType.CONTAINER)
                .parameters(spec.parameters())
                .containerProperties(ContainerProperties.builder()
                        .image(spec.image() == null ? "local" : spec.image())
                        .command(spec.command())
                        .environment(spec.environment().entrySet().stream()
                                .map(e -> KeyValuePair.builder()
                                        .name(e.getKey())
                                        .value(e.getValue())
                                        .build())
                                .toList())
                        .resourceRequirements(resources)
                        .build());
        if (spec.timeout() != null) {
            request.timeout(t -> t.attemptDurationSeconds(spec.timeout()));
        }
        if (spec.retry() != null) {
            request.retryStrategy(r -> r.attempts(
                            spec.retry().attempts() == null ? 1 : spec.retry().attempts())
                    .evaluateOnExit(spec.retry().evaluateOnExit().stream()
                            .map(rule -> software.amazon.awssdk.services.batch.model.EvaluateOnExit.builder()
                                    .onExitCode(rule.onExitCode())
                                    .onReason(rule.onReason())
                                    .onStatusReason(rule.onStatusReason())
                                    .action(
                                            rule.action() == null
                                                    ? null
                                                    : rule.action().name())
                                    .build())
                            .toList()));
        }
        batch.registerJobDefinition(request.build());
    }
}
