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
        jobDefinitions = jobDefinitions == null ? Map.of()
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
        return new GraphSpec(name, newEngine, region, store, queue, mode, plan, jobDefinitions, stages, notifications, barrierJobDefinition);
    }

    public GraphSpec withStore(String newStore) {
        return new GraphSpec(name, engine, region, newStore, queue, mode, plan, jobDefinitions, stages, notifications, barrierJobDefinition);
    }

    public GraphSpec withMode(String newMode) {
        return new GraphSpec(name, engine, region, store, queue, newMode, plan, jobDefinitions, stages, notifications, barrierJobDefinition);
    }

    public GraphSpec withNotifications(NotifySpec newNotifications) {
        return new GraphSpec(name, engine, region, store, queue, mode, plan, jobDefinitions, stages, newNotifications, barrierJobDefinition);
    }

    public GraphSpec withStages(List<StageSpec> newStages) {
        return new GraphSpec(name, engine, region, store, queue, mode, plan, jobDefinitions, newStages, notifications, barrierJobDefinition);
    }
}
