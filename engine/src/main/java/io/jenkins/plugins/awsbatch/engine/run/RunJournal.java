package io.jenkins.plugins.awsbatch.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.UnreadableFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Saves and loads {@link RunState} as {@code state.json} in the run's store (local folder or S3). */
public final class RunJournal {
    private final ObjectStore store;
    private final ObjectMapper json;

    public RunJournal(ObjectStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public synchronized void save(RunState state) {
        try {
            store.put(new RunLayout(state.storeUri, state.runId).stateUri(), json.writeValueAsBytes(state));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run state of " + state.runId, e);
        }
    }

    /** The run's state; {@link UnreadableFileException} (file, field, cause) when it cannot be read. */
    public Optional<RunState> load(RunLayout layout) {
        return store.get(layout.stateUri()).map(bytes -> {
            try {
                JsonNode tree = json.readTree(bytes);
                dropDerivedFields(tree);
                return json.treeToValue(tree, RunState.class);
            } catch (IOException e) {
                throw new UnreadableFileException("the run state", layout.stateUri(), e);
            }
        });
    }

    /**
     * Earlier versions also wrote derived accessors; the one a reader refuses is {@code count.variable}
     * (a count is exactly one of its forms), so runs written then stay readable.
     */
    private static void dropDerivedFields(JsonNode tree) {
        for (JsonNode stage : tree.path("graph").path("stages")) {
            if (stage.get("count") instanceof ObjectNode count) {
                count.remove("variable");
            }
        }
    }
}
