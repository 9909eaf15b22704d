package io.jenkins.plugins.awsbatch.engine.graph;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names a job's environment may use: POSIX-portable names (a letter or '_', then letters, digits, '_'; a
 * container runtime refuses others at start), none of AWS Batch's {@code AWS_BATCH*} and none of the engine's
 * own {@code BATCHGRAPH_*} (a job relies on them to find its item).
 */
public final class EnvironmentNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

    private EnvironmentNames() {}

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static void check(Map<String, String> environment, String path, List<GraphError> errors) {
        for (Map.Entry<String, String> env : environment.entrySet()) {
            String name = env.getKey();
            String where = path + "." + (name.isEmpty() ? "''" : name);
            if (!isValid(name)) {
                errors.add(new GraphError(
                        where,
                        "'" + name + "' is not an environment variable name",
                        "use a letter or '_' then letters, digits or '_' (e.g. MODEL_VERSION)"));
            } else if (name.startsWith("AWS_BATCH")) {
                errors.add(new GraphError(
                        where, "names starting with AWS_BATCH are reserved by AWS Batch", "rename the variable"));
            } else if (name.startsWith("BATCHGRAPH_")) {
                errors.add(new GraphError(
                        where,
                        "names starting with BATCHGRAPH_ are set by the engine for every job",
                        "rename the variable"));
            }
            if (env.getValue() == null) {
                errors.add(new GraphError(where, "the variable has no value", "give it a value, e.g. \"\" for empty"));
            }
        }
    }
}
