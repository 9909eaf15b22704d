package io.jenkins.plugins.awsbatch.engine.host;

import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphError;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.graph.JobDefinitionSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.run.ValidatedExtension;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stages a host adds to a journaled run (a fan-out after a plan, an aggregate after a fan-out, a cleanup job),
 * built from the caller's plain arguments with the graph policy every host shares: stage defaults, N_TO_N
 * chaining, job definitions the local engine needs, and its concurrency resources. Errors name the caller's own
 * arguments ({@link #relative}), not the positions of the combined graph.
 */
public final class Extension {
    private final List<StageSpec> stages;
    private final Map<String, JobDefinitionSpec> definitions;
    /** How the caller names its stages: {@code stages[k]} (a list), or the single stage's own fields. */
    private final boolean list;

    private final String callerName;

    private Extension(
            List<StageSpec> stages, Map<String, JobDefinitionSpec> definitions, boolean list, String callerName) {
        this.stages = List.copyOf(stages);
        this.definitions = Map.copyOf(definitions);
        this.list = list;
        this.callerName = callerName;
    }

    public List<StageSpec> stages() {
        return stages;
    }

    public Map<String, JobDefinitionSpec> definitions() {
        return definitions;
    }

    /**
     * Fan-out stages from their maps: {@code type} array unless given; {@code defaults} (tolerated failures,
     * retried items, concurrency) where a stage sets none; {@code queue} when given; each stage without
     * {@code dependsOn} N_TO_N on the one before (on the whole stage when that may drop failed items).
     */
    public static Extension fanOut(RunState prior, Object stageMaps, Map<String, ?> defaults, String queue) {
        if (!(stageMaps instanceof List<?> list) || list.isEmpty()) {
            throw new GraphValidationException(new GraphError(
                    "stages",
                    "expected a list of stage maps",
                    "write e.g. [[name: 'score', jobDefinition: 'score:1']]"));
        }
        List<StageSpec> stages = new ArrayList<>();
        Map<String, JobDefinitionSpec> definitions = new LinkedHashMap<>();
        GraphBinder binder = new GraphBinder();
        String previousName = null;
        boolean previousDrops = false;
        for (int i = 0; i < list.size(); i++) {
            String path = "stages[" + i + "]";
            Map<String, Object> stage = new LinkedHashMap<>(mapAt(list.get(i), path));
            stage.putIfAbsent("type", "array");
            putDefault(stage, "toleratedFailurePercent", defaults.get("toleratedFailurePercent"));
            if (!stage.containsKey("toleratedFailurePercent")) {
                putDefault(stage, "toleratedFailureCount", defaults.get("toleratedFailureCount"));
            }
            putDefault(stage, "retryFailedItems", defaults.get("retryFailedItems"));
            putDefault(stage, "maxConcurrency", defaults.get("maxConcurrency"));
            putDefault(stage, "queue", queue);
            boolean array = "array".equalsIgnoreCase(String.valueOf(stage.get("type")));
            if (!stage.containsKey("dependsOn") && previousName != null) {
                stage.put(
                        "dependsOn",
                        List.of(
                                array && !previousDrops
                                        ? Map.of("stage", previousName, "type", "N_TO_N")
                                        : Map.of("stage", previousName)));
            }
            StageSpec spec = localDefinition(binder.stageFromMap(stage, path), prior, definitions, path);
            stages.add(spec);
            previousName = spec.name();
            previousDrops = spec.toleratesFailures() || spec.retryRounds() > 0;
        }
        return new Extension(withConcurrencyResources(prior, stages), definitions, true, null);
    }

    /**
     * One aggregate stage ({@code name} defaults to {@code aggregate}) after {@code upstream} (stages of the run;
     * every non-cleanup stage of the run when none of them is known).
     */
    public static Extension aggregate(
            RunState prior, Map<String, ?> fields, List<String> upstream, String queue, String callerName) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("name", fields.get("name") == null ? "aggregate" : fields.get("name"));
        stage.put("type", "aggregate");
        for (String key : List.of("jobDefinition", "count", "command", "environment")) {
            putDefault(stage, key, fields.get(key));
        }
        putDefault(stage, "queue", queue);
        List<String> dependsOn =
                upstream.stream().filter(prior.stages::containsKey).toList();
        if (dependsOn.isEmpty()) {
            dependsOn = prior.graph.stages().stream()
                    .filter(s -> s.type() != StageType.CLEANUP)
                    .map(StageSpec::name)
                    .toList();
        }
        if (!dependsOn.isEmpty()) {
            stage.put("dependsOn", dependsOn);
        }
        return single(prior, stage, callerName);
    }

    /** A cleanup stage run as a Batch job of {@code jobDefinition}. */
    public static Extension cleanupJob(
            RunState prior, String name, String jobDefinition, String queue, String callerName) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("name", name);
        stage.put("type", "cleanup");
        stage.put("jobDefinition", jobDefinition);
        putDefault(stage, "queue", queue);
        return single(prior, stage, callerName);
    }

    private static Extension single(RunState prior, Map<String, Object> stage, String callerName) {
        Map<String, JobDefinitionSpec> definitions = new LinkedHashMap<>();
        StageSpec spec = localDefinition(new GraphBinder().stageFromMap(stage, ""), prior, definitions, "");
        return new Extension(List.of(spec), definitions, false, callerName);
    }

    /** True when the run has every stage of this extension already (the caller was interrupted after adding them). */
    public boolean isIn(RunState run) {
        return stages.stream().allMatch(s -> run.stages.containsKey(s.name()));
    }

    /** These stages checked with the run's graph, errors in the caller's terms. */
    ValidatedExtension check(RunState prior) {
        try {
            return ValidatedExtension.check(prior, stages, definitions);
        } catch (GraphValidationException e) {
            throw relative(e, prior.graph.stages().size());
        }
    }

    /**
     * {@code e}'s errors in the caller's terms: stage {@code k} of the combined graph is {@code stages[k - earlier]}
     * of a list, the fields of a single stage, or an earlier stage of the run.
     */
    GraphValidationException relative(GraphValidationException e, int earlierStages) {
        List<GraphError> errors = new ArrayList<>();
        for (GraphError error : e.errors()) {
            errors.add(new GraphError(relativePath(error.path(), earlierStages), error.problem(), error.fix()));
        }
        return new GraphValidationException(errors);
    }

    private String relativePath(String path, int earlierStages) {
        String prefix = "stages[";
        if (path == null || !path.startsWith(prefix) || path.indexOf(']') < 0) {
            return path;
        }
        int close = path.indexOf(']');
        int index;
        try {
            index = Integer.parseInt(path.substring(prefix.length(), close));
        } catch (NumberFormatException notAnIndex) {
            return path;
        }
        String rest = path.substring(close + 1);
        if (index < earlierStages) {
            return "earlier stage " + index + rest;
        }
        if (list) {
            return prefix + (index - earlierStages) + "]" + rest;
        }
        return rest.startsWith(".") ? rest.substring(1) : rest.isEmpty() ? callerName : rest;
    }

    /**
     * On the local engine a stage's definition says which command runs; a host without a {@code jobDefinitions:}
     * block defines one from the stage's {@code command} when the run has none of that name.
     */
    private static StageSpec localDefinition(
            StageSpec spec, RunState prior, Map<String, JobDefinitionSpec> definitions, String path) {
        if (!EngineKind.isLocal(prior.engine) || spec.jobDefinition() == null) {
            return spec;
        }
        String base = spec.jobDefinition().replaceFirst(":\\d+$", "");
        if (prior.graph.jobDefinitions().containsKey(base) || definitions.containsKey(base)) {
            return spec;
        }
        if (spec.command() == null || spec.command().isEmpty()) {
            throw new GraphValidationException(new GraphError(
                    path.isEmpty() ? "command" : path + ".command",
                    "the local engine runs a command",
                    "add command: ['sh', '-c', '...'] to define '" + base + "'"));
        }
        definitions.put(base, new JobDefinitionSpec(spec.command(), Map.of(), Map.of(), null, null, null, null, null));
        return spec.jobDefinition().equals(base)
                ? spec
                : spec.toBuilder().jobDefinition(base).build();
    }

    private static List<StageSpec> withConcurrencyResources(RunState prior, List<StageSpec> stages) {
        if (!EngineKind.isLocal(prior.engine)) {
            return stages;
        }
        return EngineFactory.withLocalConcurrencyResources(prior.graph.withStages(stages))
                .stages();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapAt(Object o, String path) {
        if (o instanceof Map) {
            return (Map<String, Object>) o;
        }
        throw new GraphValidationException(new GraphError(
                path,
                "expected a stage map, got "
                        + (o == null ? "nothing" : "a " + o.getClass().getSimpleName()),
                "write e.g. [name: 'score', jobDefinition: 'score:1']"));
    }

    private static void putDefault(Map<String, Object> map, String key, Object value) {
        if (value != null && !map.containsKey(key)) {
            map.put(key, value);
        }
    }
}
