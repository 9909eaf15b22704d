package io.jenkins.plugins.awsbatch.engine.graph;

import java.util.List;
import java.util.Map;

/**
 * One stage of the graph as the user declared it (file or Jenkins step). Overrides ({@code command},
 * {@code environment}, {@code parameters}, {@code retry}, {@code timeout}) win over the job definition's.
 */
public record StageSpec(
        String name,
        StageType type,
        String jobDefinition,
        String queue,
        List<String> command,
        Map<String, String> environment,
        Map<String, String> parameters,
        Map<String, String> tags,
        RetrySpec retry,
        Integer timeout,
        Integer vcpus,
        Integer memory,
        Integer maxConcurrency,
        String consumableResource,
        Double toleratedFailurePercent,
        Integer toleratedFailureCount,
        Integer retryFailedItems,
        List<StageDependency> dependsOn,
        CountSpec count,
        Boolean sequential,
        String shareIdentifier,
        Integer schedulingPriority) {

    public StageSpec {
        type = type == null ? StageType.ARRAY : type;
        command = command == null ? null : List.copyOf(command);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    public boolean isSequential() {
        return Boolean.TRUE.equals(sequential);
    }

    public boolean toleratesFailures() {
        return toleratedFailurePercent != null || toleratedFailureCount != null;
    }

    public int retryRounds() {
        return retryFailedItems == null ? 0 : retryFailedItems;
    }

    /** A cleanup stage without a job definition runs in the engine, not as a Batch job. */
    public boolean isBuiltInCleanup() {
        return type == StageType.CLEANUP && jobDefinition == null;
    }

    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    public Builder toBuilder() {
        return new Builder()
                .name(name)
                .type(type)
                .jobDefinition(jobDefinition)
                .queue(queue)
                .command(command)
                .environment(environment)
                .parameters(parameters)
                .tags(tags)
                .retry(retry)
                .timeout(timeout)
                .vcpus(vcpus)
                .memory(memory)
                .maxConcurrency(maxConcurrency)
                .consumableResource(consumableResource)
                .toleratedFailurePercent(toleratedFailurePercent)
                .toleratedFailureCount(toleratedFailureCount)
                .retryFailedItems(retryFailedItems)
                .dependsOn(dependsOn)
                .count(count)
                .sequential(sequential)
                .shareIdentifier(shareIdentifier)
                .schedulingPriority(schedulingPriority);
    }

    public static final class Builder {
        private String name;
        private StageType type;
        private String jobDefinition;
        private String queue;
        private List<String> command;
        private Map<String, String> environment;
        private Map<String, String> parameters;
        private Map<String, String> tags;
        private RetrySpec retry;
        private Integer timeout;
        private Integer vcpus;
        private Integer memory;
        private Integer maxConcurrency;
        private String consumableResource;
        private Double toleratedFailurePercent;
        private Integer toleratedFailureCount;
        private Integer retryFailedItems;
        private List<StageDependency> dependsOn;
        private CountSpec count;
        private Boolean sequential;
        private String shareIdentifier;
        private Integer schedulingPriority;

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder type(StageType v) {
            type = v;
            return this;
        }

        public Builder jobDefinition(String v) {
            jobDefinition = v;
            return this;
        }

        public Builder queue(String v) {
            queue = v;
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

        public Builder tags(Map<String, String> v) {
            tags = v;
            return this;
        }

        public Builder retry(RetrySpec v) {
            retry = v;
            return this;
        }

        public Builder timeout(Integer v) {
            timeout = v;
            return this;
        }

        public Builder vcpus(Integer v) {
            vcpus = v;
            return this;
        }

        public Builder memory(Integer v) {
            memory = v;
            return this;
        }

        public Builder maxConcurrency(Integer v) {
            maxConcurrency = v;
            return this;
        }

        public Builder consumableResource(String v) {
            consumableResource = v;
            return this;
        }

        public Builder toleratedFailurePercent(Double v) {
            toleratedFailurePercent = v;
            return this;
        }

        public Builder toleratedFailureCount(Integer v) {
            toleratedFailureCount = v;
            return this;
        }

        public Builder retryFailedItems(Integer v) {
            retryFailedItems = v;
            return this;
        }

        public Builder dependsOn(List<StageDependency> v) {
            dependsOn = v;
            return this;
        }

        public Builder count(CountSpec v) {
            count = v;
            return this;
        }

        public Builder sequential(Boolean v) {
            sequential = v;
            return this;
        }

        public Builder shareIdentifier(String v) {
            shareIdentifier = v;
            return this;
        }

        public Builder schedulingPriority(Integer v) {
            schedulingPriority = v;
            return this;
        }

        public StageSpec build() {
            return new StageSpec(
                    name,
                    type,
                    jobDefinition,
                    queue,
                    command,
                    environment,
                    parameters,
                    tags,
                    retry,
                    timeout,
                    vcpus,
                    memory,
                    maxConcurrency,
                    consumableResource,
                    toleratedFailurePercent,
                    toleratedFailureCount,
                    retryFailedItems,
                    dependsOn,
                    count,
                    sequential,
                    shareIdentifier,
                    schedulingPriority);
        }
    }
}
