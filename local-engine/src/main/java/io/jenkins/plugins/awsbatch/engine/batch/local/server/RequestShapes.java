package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.awsbatch.engine.batch.ConsumableResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.DependencyType;
import io.jenkins.plugins.awsbatch.engine.batch.EvaluateOnExit;
import io.jenkins.plugins.awsbatch.engine.batch.JobDefinition;
import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.ResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.RetryAction;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads AWS Batch request shapes (botocore's {@code batch/2016-08-10} model) into the engine's types. */
final class RequestShapes {
    private RequestShapes() {}

    /** SubmitJob's body. */
    static SubmitJobRequest submitJob(JsonNode body) {
        SubmitJobRequest.Builder b = SubmitJobRequest.builder()
                .jobName(Fields.requiredString(body, "", "jobName"))
                .jobQueue(Fields.requiredString(body, "", "jobQueue"))
                .jobDefinition(Fields.requiredString(body, "", "jobDefinition"))
                .parameters(Fields.stringMap(body, "", "parameters"))
                .tags(Fields.stringMap(body, "", "tags"))
                .propagateTags(Fields.bool(body, "", "propagateTags"))
                .shareIdentifier(Fields.string(body, "", "shareIdentifier"))
                .schedulingPriorityOverride(Fields.integer(body, "", "schedulingPriorityOverride"))
                .retryStrategy(retryStrategy(body, ""))
                .timeoutSeconds(timeout(body, ""));
        JsonNode array = Fields.object(body, "", "arrayProperties");
        if (array != null) {
            b.arraySize(Fields.integer(array, "arrayProperties", "size"));
        }
        b.dependsOn(dependencies(body));
        JsonNode overrides = Fields.object(body, "", "containerOverrides");
        if (overrides != null) {
            b.command(Fields.strings(overrides, "containerOverrides", "command"));
            b.environment(Fields.keyValuePairs(overrides, "containerOverrides", "environment"));
            b.resourceRequirements(resources(overrides, "containerOverrides"));
        }
        JsonNode consumable = Fields.object(body, "", "consumableResourcePropertiesOverride");
        if (consumable != null) {
            b.consumableResources(consumableResources(consumable, "consumableResourcePropertiesOverride"));
        }
        rejectPresent(body, "nodeOverrides", "multi-node parallel jobs");
        rejectPresent(body, "eksPropertiesOverride", "EKS jobs");
        rejectPresent(body, "ecsPropertiesOverride", "ECS properties (multi-container) jobs");
        return b.build();
    }

    /** RegisterJobDefinition's body; only {@code container} definitions are supported. */
    static JobDefinition jobDefinition(JsonNode body) {
        String name = Fields.requiredString(body, "", "jobDefinitionName");
        String type = Fields.requiredString(body, "", "type");
        if (!type.equalsIgnoreCase("container")) {
            throw ApiException.client(
                    "Job definition type " + type + " is not supported by the local Batch engine; use container.");
        }
        rejectPresent(body, "nodeProperties", "multi-node parallel job definitions");
        rejectPresent(body, "eksProperties", "EKS job definitions");
        rejectPresent(body, "ecsProperties", "ECS properties (multi-container) job definitions");
        JsonNode container = Fields.object(body, "", "containerProperties");
        if (container == null) {
            throw ApiException.client("containerProperties is required for a container job definition.");
        }
        return new JobDefinition(
                name,
                0,
                Fields.string(container, "containerProperties", "image"),
                Fields.strings(container, "containerProperties", "command"),
                Fields.keyValuePairs(container, "containerProperties", "environment"),
                Fields.stringMap(body, "", "parameters"),
                retryStrategy(body, ""),
                timeout(body, ""),
                resources(container, "containerProperties"),
                Fields.stringMap(body, "", "tags"),
                Fields.bool(body, "", "propagateTags"));
    }

    static RetryStrategy retryStrategy(JsonNode parent, String path) {
        JsonNode node = Fields.object(parent, path, "retryStrategy");
        if (node == null) {
            return null;
        }
        String here = Fields.qualified(path, "retryStrategy");
        Integer attempts = Fields.integer(node, here, "attempts");
        List<EvaluateOnExit> rules = new ArrayList<>();
        List<JsonNode> ruleNodes = Fields.objects(node, here, "evaluateOnExit");
        for (int i = 0; i < ruleNodes.size(); i++) {
            JsonNode rule = ruleNodes.get(i);
            String rulePath = here + ".evaluateOnExit[" + i + "]";
            RetryAction action = Fields.enumValue(rule, rulePath, "action", RetryAction.class);
            if (action == null) {
                throw ApiException.client(rulePath + ".action is required.");
            }
            rules.add(new EvaluateOnExit(
                    Fields.string(rule, rulePath, "onExitCode"),
                    Fields.string(rule, rulePath, "onStatusReason"),
                    Fields.string(rule, rulePath, "onReason"),
                    action));
        }
        return new RetryStrategy(attempts == null ? 1 : attempts, rules);
    }

    static Integer timeout(JsonNode parent, String path) {
        JsonNode node = Fields.object(parent, path, "timeout");
        return node == null ? null : Fields.integer(node, Fields.qualified(path, "timeout"), "attemptDurationSeconds");
    }

    private static List<JobDependency> dependencies(JsonNode body) {
        List<JobDependency> out = new ArrayList<>();
        List<JsonNode> nodes = Fields.objects(body, "", "dependsOn");
        for (int i = 0; i < nodes.size(); i++) {
            String path = "dependsOn[" + i + "]";
            out.add(new JobDependency(
                    Fields.string(nodes.get(i), path, "jobId"),
                    Fields.enumValue(nodes.get(i), path, "type", DependencyType.class)));
        }
        return out;
    }

    /** {@code resourceRequirements}, plus the legacy {@code vcpus} and {@code memory} fields turned into them. */
    private static List<ResourceRequirement> resources(JsonNode container, String path) {
        List<ResourceRequirement> out = new ArrayList<>();
        List<JsonNode> nodes = Fields.objects(container, path, "resourceRequirements");
        for (int i = 0; i < nodes.size(); i++) {
            String itemPath = path + ".resourceRequirements[" + i + "]";
            String type = Fields.requiredString(nodes.get(i), itemPath, "type").toUpperCase(Locale.ROOT);
            if (!List.of("VCPU", "MEMORY", "GPU").contains(type)) {
                throw ApiException.client(
                        "Invalid value '" + type + "' for " + itemPath + ".type: expected one of GPU, VCPU, MEMORY.");
            }
            out.add(new ResourceRequirement(type, Fields.requiredString(nodes.get(i), itemPath, "value")));
        }
        Integer vcpus = Fields.integer(container, path, "vcpus");
        if (vcpus != null) {
            out.add(new ResourceRequirement("VCPU", vcpus.toString()));
        }
        Integer memory = Fields.integer(container, path, "memory");
        if (memory != null) {
            out.add(new ResourceRequirement("MEMORY", memory.toString()));
        }
        return out;
    }

    private static List<ConsumableResourceRequirement> consumableResources(JsonNode node, String path) {
        List<ConsumableResourceRequirement> out = new ArrayList<>();
        List<JsonNode> nodes = Fields.objects(node, path, "consumableResourceList");
        for (int i = 0; i < nodes.size(); i++) {
            String itemPath = path + ".consumableResourceList[" + i + "]";
            Long quantity = Fields.longValue(nodes.get(i), itemPath, "quantity");
            out.add(new ConsumableResourceRequirement(
                    Fields.requiredString(nodes.get(i), itemPath, "consumableResource"),
                    quantity == null ? 1 : quantity));
        }
        return out;
    }

    private static void rejectPresent(JsonNode body, String field, String what) {
        if (Fields.present(body, field)) {
            throw ApiException.client(what + " are not supported by the local Batch engine (" + field + ").");
        }
    }
}
