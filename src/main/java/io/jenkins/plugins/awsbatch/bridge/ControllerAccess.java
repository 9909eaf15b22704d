package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import java.util.Locale;

/**
 * The local engine runs every job as a process of the Jenkins controller, as the controller's user, and a
 * {@code file:} store reads, writes and deletes folders of the controller. Both are off unless an administrator
 * allows them in the global configuration; nothing a Pipeline author writes (a step's {@code engine} or
 * {@code store}, a graph file, a {@code plan} map) can turn them on.
 */
public final class ControllerAccess {
    static final String WHERE =
            "an administrator allows it in Manage Jenkins » System » AWS Batch Graph (Allow the local engine and file: stores)";

    private ControllerAccess() {}

    /**
     * @param allowed what the administrator decided when the step started
     * @param engine  the engine the step resolved ({@code aws} or {@code local}), or null when not yet known
     * @param store   the store URI the step is about to use, or null
     * @throws GraphInputException naming the field and the fix when the step would reach the controller
     */
    public static void check(boolean allowed, String engine, String store) throws GraphInputException {
        if (allowed) {
            return;
        }
        if (EngineKind.isLocal(engine)) {
            throw new GraphInputException("engine: 'local' runs every job as a process of the Jenkins controller, "
                    + "as its user; " + WHERE + ", or use engine: 'aws'");
        }
        if (store != null && store.trim().toLowerCase(Locale.ROOT).startsWith("file:")) {
            throw new GraphInputException("store: '" + store + "' is a folder of the Jenkins controller; " + WHERE
                    + ", or use store: 's3://bucket/prefix'");
        }
    }
}
