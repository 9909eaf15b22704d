package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.trigger.S3ObjectEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code watch} tells a run which object it is for: the bucket and key as environment variables of every
 * stage (set on the graph itself, so no key can be misread as YAML), and {@code --set PATH=VALUE} templates
 * whose {@code {bucket}}, {@code {key}}, {@code {uri}} and {@code {etag}} are replaced (the value then quoted,
 * so it stays a string).
 */
final class ObjectOverrides {
    private final String bucketVariable;
    private final String keyVariable;
    private final List<String> templates;

    ObjectOverrides(String bucketVariable, String keyVariable, List<String> templates) {
        this.bucketVariable = bucketVariable;
        this.keyVariable = keyVariable;
        this.templates = List.copyOf(templates);
    }

    /** The {@code --set} overrides for this object. */
    List<String> sets(S3ObjectEvent object) {
        return templates.stream().map(t -> fill(t, object)).toList();
    }

    /** The graph with {@code S3_BUCKET}/{@code S3_KEY} (or the chosen names) in every stage's environment. */
    GraphSpec withObject(GraphSpec graph, S3ObjectEvent object) {
        return graph.withStages(graph.stages().stream()
                .map(stage -> withEnvironment(stage, object))
                .toList());
    }

    private StageSpec withEnvironment(StageSpec stage, S3ObjectEvent object) {
        Map<String, String> env = new LinkedHashMap<>(stage.environment());
        env.put(bucketVariable, object.bucket());
        env.put(keyVariable, object.key());
        return stage.toBuilder().environment(env).build();
    }

    static String fill(String template, S3ObjectEvent object) {
        int eq = template.indexOf('=');
        if (eq <= 0 || !template.substring(eq).contains("{")) {
            return template;
        }
        String value = template.substring(eq + 1)
                .replace("{bucket}", object.bucket())
                .replace("{key}", object.key())
                .replace("{uri}", object.uri())
                .replace("{etag}", object.eTag() == null ? "" : object.eTag());
        return template.substring(0, eq + 1) + "\""
                + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
