package io.jenkins.plugins.awsbatch.engine.housekeeping;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.run.RunCleaner;
import io.jenkins.plugins.awsbatch.engine.run.state.CleanupReport;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import io.jenkins.plugins.awsbatch.engine.store.StoreUris;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cleanup --older-than}: the transient data of every run in a store that ended before a cut-off, deleted
 * exactly as a cleanup stage deletes it ({@link RunCleaner}); runs still going, runs that ended later and runs
 * already cleaned are left alone. Each cleaned run's journal records its cleanup.
 */
public final class EndedRunsCleanup {
    /** One run looked at: its report when it was cleaned, else why not. */
    public record Outcome(String runId, CleanupReport report, String skipped) {}

    private final StoreResolver stores;
    private final ObjectMapper json;

    public EndedRunsCleanup(StoreResolver stores, ObjectMapper json) {
        this.stores = stores;
        this.json = json;
    }

    public List<Outcome> clean(String storeUri, Duration olderThan, Instant now) {
        ObjectStore store = stores.forUri(storeUri);
        RunJournal journal = new RunJournal(store, json);
        long cutoff = now.minus(olderThan).toEpochMilli();
        List<Outcome> outcomes = new ArrayList<>();
        for (String runId : runIds(store, storeUri)) {
            Optional<RunState> loaded;
            try {
                loaded = journal.load(new RunLayout(storeUri, runId));
            } catch (RuntimeException e) {
                // one unreadable journal (an older version's, a stray file) must not stop the sweep
                outcomes.add(new Outcome(runId, null, "unreadable journal: " + e.getMessage()));
                continue;
            }
            if (loaded.isEmpty()) {
                continue;
            }
            RunState state = loaded.get();
            if (state.outcome == null || state.finishedAt <= 0) {
                outcomes.add(new Outcome(runId, null, "not ended"));
            } else if (state.finishedAt > cutoff) {
                outcomes.add(new Outcome(runId, null, "ended less than " + olderThan.toDays() + " day(s) ago"));
            } else if (state.cleanup != null && state.cleanup.error() == null) {
                outcomes.add(new Outcome(runId, null, "already cleaned"));
            } else if (state.graph == null) {
                outcomes.add(new Outcome(runId, null, "no graph in its journal"));
            } else {
                CleanupReport report = new RunCleaner(stores).clean(state);
                state.cleanup = report;
                journal.save(state);
                outcomes.add(new Outcome(runId, report, null));
            }
        }
        return outcomes;
    }

    /** Folders of the store holding a {@code state.json}: the journal load checks each lies right under the store. */
    private static List<String> runIds(ObjectStore store, String storeUri) {
        List<String> ids = new ArrayList<>();
        for (String uri : store.list(StoreUris.asPrefix(storeUri))) {
            if (uri.endsWith("/state.json")) {
                String folder = uri.substring(0, uri.length() - "/state.json".length());
                ids.add(folder.substring(folder.lastIndexOf('/') + 1));
            }
        }
        return ids;
    }
}
