package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.plan.Chunk;
import io.jenkins.plugins.awsbatch.engine.plan.Chunker;
import io.jenkins.plugins.awsbatch.engine.run.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.RunState;
import io.jenkins.plugins.awsbatch.engine.run.StageState;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a step returns: plain maps, lists, strings and numbers only. */
final class ResultMap {
    static final String RUN_ID = "runId";
    static final String STORE = "store";

    private ResultMap() {}

    /** @param withRunOutcome whether the run's outcome is part of it (a step that did not track the run itself) */
    static Map<String, Object> of(RunState s, RunResult result, boolean withRunOutcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(RUN_ID, s.runId);
        m.put("name", s.name);
        m.put("engine", s.engine);
        m.put("itemCount", s.itemCount);
        m.put(STORE, s.storeUri);
        m.put("runUri", s.runUri);
        m.put("itemsUri", new RunLayout(s.storeUri, s.runId).itemsUri());
        List<Object> chunks = new ArrayList<>();
        for (Chunk c : new Chunker().split(Math.max(0, s.itemCount))) {
            chunks.add(new LinkedHashMap<>(Map.of("index", c.index(), "offset", c.offset(), "size", c.size())));
        }
        m.put("chunks", chunks);
        List<Object> stages = new ArrayList<>();
        Map<String, Object> jobIds = new LinkedHashMap<>();
        for (StageSpec spec : s.graph.stages()) {
            StageState st = s.stage(spec.name());
            if (st != null) {
                stages.add(stage(spec, st, s.runUri));
                jobIds.put(spec.name(), new ArrayList<>(st.jobIds()));
            }
        }
        m.put("stages", stages);
        m.put("jobIds", jobIds);
        if (result != null) {
            m.put("calls", new LinkedHashMap<>(result.calls()));
        }
        if (s.outcome != null && withRunOutcome) {
            m.put("runOutcome", s.outcome.name());
        }
        return m;
    }

    private static Map<String, Object> stage(StageSpec spec, StageState st, String runUri) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("name", spec.name());
        stage.put("type", spec.type().name().toLowerCase(Locale.ROOT));
        stage.put("status", st.status.name());
        if (st.reason != null) {
            stage.put("reason", st.reason);
        }
        stage.put("jobIds", new ArrayList<>(st.jobIds()));
        stage.put("counts", counts(st.counts));
        stage.put("failedCount", (long) st.failedItems.size());
        List<Object> failed = new ArrayList<>();
        for (FailedItem item : FailedItemCap.first(st.failedItems.values())) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("index", item.index());
            putIfSet(f, "key", item.key());
            putIfSet(f, "exitCode", item.exitCode());
            putIfSet(f, "statusReason", item.statusReason());
            failed.add(f);
        }
        stage.put("failedItems", failed);
        FailedItemCap.noteOmitted(stage, st.failedItems.size(), runUri);
        return stage;
    }

    private static Map<String, Object> counts(Map<JobStatus, Integer> counts) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (counts != null) {
            counts.forEach((status, n) -> out.put(status.name(), n));
        }
        return out;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
