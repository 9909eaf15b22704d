package io.jenkins.plugins.awsbatch.engine.run.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run-state journal ({@code state.json} under the run's prefix): the graph as it was submitted, and every
 * job id, written after each submission so a restart re-attaches instead of resubmitting. Plain data only.
 */
public final class RunState {
    public String runId;
    public String name;
    public String engine;
    public String storeUri;
    public String runUri;
    /** Where the item records are: {@code <run>/items} in the store, or {@code dynamodb://TABLE/RUN_ID}. */
    public String itemsUri;
    /** How they are stored: {@code packed} or {@code per-item} (null: per-item, as every run planned before layouts). */
    public String itemLayout;
    /** Folder relative paths of the graph resolve against (local files, job working directory). */
    public String baseDir;

    public GraphSpec graph;
    public String mode;
    /** -1 while planning: a run interrupted then is planned again by {@code resume}. */
    public long itemCount = -1;

    public long startedAt;
    public long finishedAt;
    public Outcome outcome;
    public String message;
    public boolean abortRequested;
    /** How often {@code rerun --failed} reopened this run; stages released after one are gated (no Batch dependencies). */
    public int reruns;

    public Map<String, StageState> stages = new LinkedHashMap<>();
    /** The AWS region and endpoint override the run was started with, so later commands need not be told again. */
    public String region;

    public String endpointUrl;
    /** Per-service endpoint overrides ({@code AWS_ENDPOINT_URL_S3}, ...) by service key; null: none. */
    public Map<String, String> serviceEndpoints;
    /**
     * The name of the job being submitted, journaled before SubmitJob and cleared with its id: a resumed run
     * looks it up by name instead of submitting it again.
     */
    public String submitting;
    /** Cleanup's report: what was removed. */
    public CleanupReport cleanup;
    /** The version of {@code state.json} this state was read or last written at (not saved): writes check it. */
    @JsonIgnore
    public transient String journalVersion;

    public StageState stage(String stageName) {
        return stages.get(stageName);
    }
}
