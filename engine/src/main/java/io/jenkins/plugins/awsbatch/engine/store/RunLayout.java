package io.jenkins.plugins.awsbatch.engine.store;

/**
 * Where a run keeps its data under the store, the layout jobs and tools rely on:
 * <pre>
 * RUN = STORE/RUN_ID/
 *   state.json                     the run-state journal (job ids, outcome)
 *   manifest.json                  the plan: item count, key field, chunks
 *   items/&lt;i&gt;.json                  item i, 0-based (children read offset + AWS_BATCH_JOB_ARRAY_INDEX), per-item
 *   items/&lt;part&gt;.jsonl, offsets.txt  the items packed ({@link PackedItems})
 *   stages/&lt;stage&gt;/output/         what the stage's jobs write (a child writes &lt;i&gt;.json)
 *   stages/&lt;stage&gt;/retry-&lt;r&gt;.json   index maps of retry rounds (retry child j → item i)
 *   logs/                          local engine: one file per job attempt
 * </pre>
 */
public record RunLayout(String storeUri, String runId) {

    public String runUri() {
        return StoreUris.join(storeUri, runId);
    }

    public String stateUri() {
        return StoreUris.join(runUri(), "state.json");
    }

    public String manifestUri() {
        return StoreUris.join(runUri(), "manifest.json");
    }

    public String itemsUri() {
        return StoreUris.join(runUri(), "items");
    }

    public String itemUri(long index) {
        return StoreUris.join(itemsUri(), index + ".json");
    }

    public String stageUri(String stage) {
        return StoreUris.join(runUri(), "stages", stage);
    }

    public String outputUri(String stage) {
        return StoreUris.join(stageUri(stage), "output");
    }

    public String retryMapUri(String stage, int round) {
        return StoreUris.join(stageUri(stage), "retry-" + round + ".json");
    }
}
