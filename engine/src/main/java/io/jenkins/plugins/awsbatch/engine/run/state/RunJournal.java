package io.jenkins.plugins.awsbatch.engine.run.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.lock.RunLock;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.UnreadableFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Saves and loads {@link RunState} as {@code state.json} in the run's store (local folder or S3). A save replaces
 * the state only if it is still the version this state was read or last written at (S3: {@code If-Match} on its
 * ETag; a new run's first save: {@code If-None-Match: *}), so a writer whose state is stale fails with
 * {@link RunStateConflictException} instead of overwriting another writer's progress. With a {@link RunLock},
 * every save first checks the lock is still held.
 */
public final class RunJournal {
    private final ObjectStore store;
    private final ObjectMapper json;
    private final RunLock lock;

    public RunJournal(ObjectStore store, ObjectMapper json) {
        this(store, json, null);
    }

    public RunJournal(ObjectStore store, ObjectMapper json, RunLock lock) {
        this.store = store;
        this.json = json;
        this.lock = lock;
    }

    public synchronized void save(RunState state) {
        if (lock != null) {
            lock.requireHeld();
        }
        String uri = new RunLayout(state.storeUri, state.runId).stateUri();
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run state of " + state.runId, e);
        }
        try {
            state.journalVersion = write(uri, bytes, state.journalVersion)
                    .orElseThrow(() -> new RunStateConflictException("the run state " + uri
                            + " was changed by another process since this one read it, so this one"
                            + " stops writing the run; `batchgraph status " + state.runId + "` shows it as it is now"));
        } catch (UnsupportedOperationException noConditionalWrites) {
            store.put(uri, bytes);
        }
    }

    /** A new version, or empty when the state changed since {@code version} (nothing written). */
    private Optional<String> write(String uri, byte[] bytes, String version) {
        if (version != null) {
            return store.putIfVersion(uri, bytes, version);
        }
        Optional<String> created = store.putIfAbsent(uri, bytes);
        if (created.isPresent()) {
            return created;
        }
        // A state that was not read through a journal (kept elsewhere, e.g. by Jenkins) replaces the current one.
        Optional<String> current = store.getVersioned(uri).map(ObjectStore.Versioned::version);
        return current.isPresent() ? store.putIfVersion(uri, bytes, current.get()) : store.putIfAbsent(uri, bytes);
    }

    /** The run's state; {@link UnreadableFileException} (file, field, cause) when it cannot be read. */
    public Optional<RunState> load(RunLayout layout) {
        Optional<ObjectStore.Versioned> stored;
        try {
            stored = store.getVersioned(layout.stateUri());
        } catch (UnsupportedOperationException noVersions) {
            stored = store.get(layout.stateUri()).map(bytes -> new ObjectStore.Versioned(bytes, null));
        }
        return stored.map(object -> {
            try {
                JsonNode tree = json.readTree(object.content());
                dropDerivedFields(tree);
                RunState state = json.treeToValue(tree, RunState.class);
                state.journalVersion = object.version();
                return state;
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
