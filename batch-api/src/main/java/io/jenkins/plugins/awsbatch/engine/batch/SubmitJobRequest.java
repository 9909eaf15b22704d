package io.jenkins.plugins.awsbatch.engine.batch;

import java.util.List;
import java.util.Map;

/**
 * A SubmitJob call in engine terms, independent of the AWS SDK. {@code command}, {@code environment} and
 * {@code resourceRequirements} are container overrides; null fields are not sent.
 */
public record SubmitJobRequest(
        String jobName,
        String jobQueue,
        String jobDefinition,
        Integer arraySize,
        List<JobDependency> dependsOn,
        List<String> command,
        Map<String, String> environment,
        Map<String, String> parameters,
        RetryStrategy retryStrategy,
        Integer timeoutSeconds,
        Map<String, String> tags,
        boolean propagateTags,
        String shareIdentifier,
        Integer schedulingPriorityOverride,
        List<ResourceRequirement> resourceRequirements,
        List<ConsumableResourceRequirement> consumableResources) {

    public SubmitJobRequest {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        command = command == null ? null : List.copyOf(command);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        resourceRequirements = resourceRequirements == null ? List.of() : List.copyOf(resourceRequirements);
        consumableResources = consumableResources == null ? List.of() : List.copyOf(consumableResources);
    }

    public boolean isArray() {
        return arraySize != null;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .jobName(jobName)
                .jobQueue(jobQueue)
                .jobDefinition(jobDefinition)
                .arraySize(arraySize)
                .dependsOn(dependsOn)
                .command(command)
                .environment(environment)
                .parameters(parameters)
                .retryStrategy(retryStrategy)
                .timeoutSeconds(timeoutSeconds)
                .tags(tags)
                .propagateTags(propagateTags)
                .shareIdentifier(shareIdentifier)
                .schedulingPriorityOverride(schedulingPriorityOverride)
                .resourceRequirements(resourceRequirements)
                .consumableResources(consumableResources);
    }

    public static final class Builder {
        private String jobName;
        private String jobQueue;
        private String jobDefinition;
        private Integer arraySize;
        private List<JobDependency> dependsOn;
        private List<String> command;
        private Map<String, String> environment;
        private Map<String, String> parameters;
        private RetryStrategy retryStrategy;
        private Integer timeoutSeconds;
        private Map<String, String> tags;
        private boolean propagateTags;
        private String shareIdentifier;
        private Integer schedulingPriorityOverride;
        private List<ResourceRequirement> resourceRequirements;
        private List<ConsumableResourceRequirement> consumableResources;

        public Builder jobName(String v) {
            jobName = v;
            return this;
        }

        public Builder jobQueue(String v) {
            jobQueue = v;
            return this;
        }

        public Builder jobDefinition(String v) {
            jobDefinition = v;
            return this;
        }

        public Builder arraySize(Integer v) {
            arraySize = v;
            return this;
        }

        public Builder dependsOn(List<JobDependency> v) {
            dependsOn = v;
            return this;
        }

        public Builder command(List<String> v) {
            command = v;
            return this;
        }

        public Builder environment(Map<String, String> v) {
            environment = v;
            return this;
        }

        public Builder parameters(Map<String, String> v) {
            parameters = v;
            return this;
        }

        public Builder retryStrategy(RetryStrategy v) {
            retryStrategy = v;
            return this;
        }

        public Builder timeoutSeconds(Integer v) {
            timeoutSeconds = v;
            return this;
        }

        public Builder tags(Map<String, String> v) {
            tags = v;
            return this;
        }

        public Builder propagateTags(boolean v) {
            propagateTags = v;
            return this;
        }

        public Builder shareIdentifier(String v) {
            shareIdentifier = v;
            return this;
        }

        public Builder schedulingPriorityOverride(Integer v) {
            schedulingPriorityOverride = v;
            return this;
        }

        public Builder resourceRequirements(List<ResourceRequirement> v) {
            resourceRequirements = v;
            return this;
        }

        public Builder consumableResources(List<ConsumableResourceRequirement> v) {
            consumableResources = v;
            return this;
        }

        public SubmitJobRequest build() {
            return new SubmitJobRequest(
                    jobName,
                    jobQueue,
                    jobDefinition,
                    arraySize,
                    dependsOn,
                    command,
                    environment,
                    parameters,
                    retryStrategy,
                    timeoutSeconds,
                    tags,
                    propagateTags,
                    shareIdentifier,
                    schedulingPriorityOverride,
                    resourceRequirements,
                    consumableResources);
        }
    }
}
