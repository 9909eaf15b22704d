package io.jenkins.plugins.awsbatch.engine.host;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.JobRecord;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one stage of a run is, copied out of the run's state for a host's views (status line, build page):
 * read only, so a host never holds the runner's mutable {@code StageState} or its job records.
 *
 * @param counts         the current round's children per status, in the state's order
 * @param jobIds         every job of the stage, in submission order, retries included
 * @param firstRoundSize the items the first submission covered
 * @param failedItems    items that failed in the final round, by item index
 * @param chunkOfJob     job id → the chunk it was submitted for
 */
public record StageProgress(
        String name,
        StageStatus status,
        String reason,
        Map<JobStatus, Integer> counts,
        List<String> jobIds,
        long firstRoundSize,
        List<FailedItem> failedItems,
        Map<String, Integer> chunkOfJob) {

    static StageProgress of(String name, StageState st) {
        long size = 0;
        for (JobRecord job : st.jobsOfRound(0)) {
            size += job.size();
        }
        Map<String, Integer> chunks = new LinkedHashMap<>();
        for (JobRecord job : st.jobs) {
            chunks.putIfAbsent(job.jobId(), Math.max(0, job.chunk()));
        }
        return new StageProgress(
                name,
                st.status,
                st.reason,
                Collections.unmodifiableMap(new LinkedHashMap<>(st.counts)),
                List.copyOf(st.jobIds()),
                size,
                List.copyOf(new ArrayList<>(st.failedItems.values())),
                Collections.unmodifiableMap(chunks));
    }

    /** The chunk {@code jobId} was submitted for; 0 for a job this stage does not know (or a whole-stage job). */
    public int chunkOf(String jobId) {
        return chunkOfJob.getOrDefault(jobId, 0);
    }
}
