package io.jenkins.plugins.awsbatch.engine.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole graph: what {@code batchgraph.yaml} declares and what the Jenkins steps build from their
 * arguments. Immutable; {@link GraphBinder} builds it and {@link GraphValidator} checks it.
 */
public record GraphSpec(
        String name,
        String engine,
        String region,
        String store,
        String queue,
        String mode,
        PlanSpec plan,
        Map<String, JobDefinitionSpec> jobDefinitions,
        List<StageSpec> stages,
        @JsonProperty("notify") NotifySpec notifications,
        String barrierJobDefinition) {

    public static final String DEFAULT_STORE = "file://.batchgraph/runs";
    /** The local engine's built-in do-nothing definition for barrier jobs (AWS: set barrierJobDefinition). */
    public static final String LOCAL_BARRIER_DEFINITION = "batchgraph-barrier";

    public GraphSpec {
        jobDefinitions = jobDefinitions == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jobDefinitions));
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    public String engineOrDefault() {
        return engine == null ? EngineKind.LOCAL.id() : engine;
    }

    /** The engine this graph names ({@code local} when none); null when it names none known (a validation error). */
    public EngineKind engineKind() {
        return EngineKind.of(engineOrDefault());
    }

    public String storeOrDefault() {
        return store == null ? DEFAULT_STORE : store;
    }

    public Optional<StageSpec> stage(String stageName) {
        return stages.stream().filter(s -> s.name().equals(stageName)).findFirst();
    }

    public GraphSpec withEngine(String newEngine) {
        return new GraphSpec(
                name,
                newEngine,
                region,
                store,
                queue,
                mode,
                plan,
                jobDefinitions,
                stages,
                notifications,
                barrierJobDefinition);
    }

    public GraphSpec withStore(String newStore) {
        return new GraphSpec(
                name,
                engine,
                region,
                newStore,
                queue,
                mode,
                plan,
                jobDefinitions,
                stages,
                notifications,
                barrierJobDefinition);
    }

    public GraphSpec withMode(String newMode) {
        return new GraphSpec(
                name,
                engine,
                region,
                store,
                queue,
                newMode,
                plan,
                jobDefinitions,
                stages,
                notifications,
                barrierJobDefinition);
    }

    public GraphSpec withNotifications(NotifySpec newNotifications) {
        return new GraphSpec(
                name,
                engine,
                region,
                store,
                queue,
                mode,
                plan,
                jobDefinitions,
                stages,
                newNotifications,
                barrierJobDefinition);
    }

    public GraphSpec withStages(List<StageSpec> newStages) {
        return new GraphSpec(
                name,
                engine,
                region,
                store,
                queue,
                mode,
                plan,
                jobDefinitions,
                newStages,
                notifications,
                barrierJobDefinition);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This graph as a builder, to change a few fields. */
    public Builder toBuilder() {
        return new Builder()
                .name(name)
                .engine(engine)
                .region(region)
                .store(store)
                .queue(queue)
                .mode(mode)
                .plan(plan)
                .jobDefinitions(jobDefinitions)
                .stages(stages)
                .notifications(notifications)
                .barrierJobDefinition(barrierJobDefinition);
    }

    /** Builds a {@link GraphSpec} field by field; unset fields are null (empty for definitions and stages). */
    public static final class Builder {
        private String name;
        private String engine;
        private String region;
        private String store;
        private String queue;
        private String mode;
        private PlanSpec plan;
        private Map<String, JobDefinitionSpec> jobDefinitions = Map.of();
        private List<StageSpec> stages = List.of();
        private NotifySpec notifications;
        private String barrierJobDefinition;

        private Builder() {}

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder engine(String value) {
            this.engine = value;
            return this;
        }

        public Builder region(String value) {
            this.region = value;
            return this;
        }

        public Builder store(String value) {
            this.store = value;
            return this;
        }

        public Builder queue(String value) {
            this.queue = value;
            return this;
        }

        public Builder mode(String value) {
            this.mode = value;
            return this;
        }

        public Builder plan(PlanSpec value) {
            this.plan = value;
            return this;
        }

        public Builder jobDefinitions(Map<String, JobDefinitionSpec> value) {
            this.jobDefinitions = value;
            return this;
        }

        public Builder stages(List<StageSpec> value) {
            this.stages = value;
            return this;
        }

        public Builder notifications(NotifySpec value) {
            this.notifications = value;
            return this;
        }

        public Builder barrierJobDefinition(String value) {
            this.barrierJobDefinition = value;
            return this;
        }

        public GraphSpec build() {
            return new GraphSpec(
                    name,
                    engine,
                    region,
                    store,
                    queue,
                    mode,
                    plan,
                    jobDefinitions,
                    stages,
                    notifications,
                    barrierJobDefinition);
        }
    }
}
