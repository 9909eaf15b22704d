package io.jenkins.plugins.awsbatch.engine.run.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import java.util.List;
import java.util.Optional;

/** Which job ran an item in a stage: the child of the latest round that covered it ({@code parent:i}). */
public final class ItemJobs {
    private final IndexMaps indexMaps;

    public ItemJobs(StoreResolver stores, ObjectMapper json) {
        this.indexMaps = new IndexMaps(stores, json);
    }

    public Optional<String> jobFor(RunState state, String stage, long item) {
        StageState stageState = state.stage(stage);
        if (stageState == null) {
            throw new IllegalArgumentException(
                    "no stage '" + stage + "' in run " + state.runId + "; stages: " + state.stages.keySet());
        }
        List<JobRecord> jobs =
                stageState.jobs.stream().filter(j -> !j.barrier()).toList();
        for (int i = jobs.size() - 1; i >= 0; i--) {
            JobRecord job = jobs.get(i);
            for (int child = 0; child < job.size(); child++) {
                if (indexMaps.itemIndex(job.indexMapUri(), job.offset(), child) == item) {
                    return Optional.of(job.isArray() ? job.jobId() + ":" + child : job.jobId());
                }
            }
        }
        return Optional.empty();
    }
}
