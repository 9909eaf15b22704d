package io.jenkins.plugins.awsbatch.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
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

    public Optional<RunState> load(RunLayout layout) {
        return store.get(layout.stateUri()).map(bytes -> {
            try {
                return json.readValue(bytes, RunState.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the run state at " + layout.stateUri(), e);
            }
        });
    }
}
