package io.jenkins.plugins.awsbatch.engine.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.plan.Chunk;
import io.jenkins.plugins.awsbatch.engine.plan.Chunker;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageResult;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one shape of a run's result, for every host: {@code --json} prints it, a Jenkins step returns it (with its
 * failed items capped). It is {@link RunResult} as {@code --json} always named its fields, plus where the run
 * is for a caller that goes on with it: {@code engine}, {@code store}, {@code itemsUri}, {@code chunks},
 * {@code jobIds} per stage and each stage's {@code type}. Plain data only (maps, lists, strings, numbers).
 */
public final class ResultView {
    /** No cap on the failed items listed. */
    public static final int ALL = Integer.MAX_VALUE;

    private static final ObjectMapper JSON = Json.mapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private ResultView() {}

    /** The result of a run that no runner tracks here (a plan, a cleanup): read from its state. */
    public static Map<String, Object> of(RunState state, int maxFailedItems) {
        return of(
                state,
                RunResult.of(state, Map.of(), state.finishedAt > 0 ? state.finishedAt : state.startedAt),
                maxFailedItems);
    }

    /**
     * @param maxFailedItems failed items listed per stage; beyond it the stage says {@code failedItemsOmitted}
     *                       and {@code failedItemsIn} (the run, whose state lists every one)
     */
    public static Map<String, Object> of(RunState state, RunResult result, int maxFailedItems) {
        Map<String, Object> m = JSON.convertValue(result, MAP);
        m.put("itemCount", result.itemCount());
        m.put("durationMs", result.durationMs());
        m.put("engine", state.engine);
        m.put("store", state.storeUri);
        m.put("itemsUri", new RunLayout(state.storeUri, state.runId).itemsUri());
        List<Object> chunks = new ArrayList<>();
        for (Chunk c : new Chunker().split(Math.max(0, state.itemCount))) {
            chunks.add(new LinkedHashMap<>(Map.of("index", c.index(), "offset", c.offset(), "size", c.size())));
        }
        m.put("chunks", chunks);
        Map<String, Object> jobIds = new LinkedHashMap<>();
        List<Object> stages = new ArrayList<>();
        List<?> rendered = (List<?>) m.get("stages");
        for (int i = 0; i < result.stages().size(); i++) {
            StageResult stage = result.stages().get(i);
            @SuppressWarnings("unchecked")
            Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) rendered.get(i));
            state.graph
                    .stage(stage.name())
                    .map(StageSpec::type)
                    .ifPresent(type -> s.put("type", type.name().toLowerCase(Locale.ROOT)));
            s.put("failedCount", stage.failedCount());
            capFailedItems(s, maxFailedItems, state.runUri);
            stages.add(s);
            jobIds.put(stage.name(), new ArrayList<>(stage.jobIds()));
        }
        m.put("stages", stages);
        m.put("jobIds", jobIds);
        return m;
    }

    /** {@code --json}: the whole result, every failed item listed. */
    public static String json(RunState state, RunResult result) {
        try {
            return JSON.writeValueAsString(of(state, result, ALL));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void capFailedItems(Map<String, Object> stage, int max, String runUri) {
        if (!(stage.get("failedItems") instanceof List<?> items) || items.size() <= max) {
            return;
        }
        stage.put("failedItems", new ArrayList<>(items.subList(0, max)));
        stage.put("failedItemsOmitted", (long) (items.size() - max));
        if (runUri != null) {
            stage.put("failedItemsIn", runUri);
        }
    }
}
