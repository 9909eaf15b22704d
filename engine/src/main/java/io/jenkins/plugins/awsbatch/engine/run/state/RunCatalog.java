package io.jenkins.plugins.awsbatch.engine.run.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The runs of a store, newest first: one folder (S3: one prefix) per run, each described by its
 * {@code state.json}. A folder without a readable state is listed too, with the reason, so nothing a run left
 * behind is hidden.
 */
public final class RunCatalog {
    /** One run. {@code outcome} is null while it has not finished; {@code problem} says why a folder has no state. */
    public record Entry(
            String runId,
            String name,
            Outcome outcome,
            long startedAt,
            long durationMs,
            long itemCount,
            long failedItems,
            String runUri,
            String problem) {}

    private final StoreResolver stores;
    private final ObjectMapper json;
    private final Clock clock;

    public RunCatalog(StoreResolver stores, ObjectMapper json, Clock clock) {
        this.stores = stores;
        this.json = json;
        this.clock = clock;
    }

    public List<Entry> list(String store) {
        String storeUri = store.startsWith("file:") ? LocalObjectStore.canonical(store) : store;
        ObjectStore objects = stores.forUri(storeUri);
        RunJournal journal = new RunJournal(objects, json);
        List<Entry> entries = new ArrayList<>();
        for (String runId : objects.childNames(storeUri)) {
            RunLayout layout = new RunLayout(storeUri, runId);
            try {
                Optional<RunState> state = journal.load(layout);
                entries.add(state.map(this::entryOf)
                        .orElseGet(() -> new Entry(
                                runId,
                                null,
                                null,
                                0,
                                0,
                                -1,
                                0,
                                layout.runUri(),
                                "no state.json (stopped before its plan was journaled)")));
            } catch (RuntimeException e) {
                entries.add(new Entry(runId, null, null, 0, 0, -1, 0, layout.runUri(), e.getMessage()));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::startedAt).reversed().thenComparing(Entry::runId));
        return entries;
    }

    private Entry entryOf(RunState state) {
        long end = state.finishedAt > 0 ? state.finishedAt : clock.millis();
        long failed = state.stages.values().stream()
                .mapToLong(s -> s.failedItems.size())
                .sum();
        return new Entry(
                state.runId,
                state.name,
                state.outcome,
                state.startedAt,
                Math.max(0, end - state.startedAt),
                state.itemCount,
                failed,
                state.runUri,
                null);
    }
}
