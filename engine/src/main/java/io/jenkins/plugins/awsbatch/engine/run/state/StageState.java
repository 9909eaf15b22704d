package io.jenkins.plugins.awsbatch.engine.run.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Mutable, journaled state of one stage in a run. Only the runner changes it. */
public final class StageState {
    public StageStatus status = StageStatus.WAITING;
    public String reason;
    /** Every job of the stage, in submission order, retries included. */
    public List<JobRecord> jobs = new ArrayList<>();
    /** Item indexes this stage runs over, when not all items (after tolerated failures upstream). */
    public String populationUri;

    public long populationSize;
    /** Latest counts per child status, over the current round's jobs. */
    public Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
    /** Items that failed in the final round: item index → failure. */
    public TreeMap<Long, FailedItem> failedItems = new TreeMap<>();
    /** Items that succeeded only after r retry rounds: item index → r. */
    public TreeMap<Long, Integer> recoveredInRound = new TreeMap<>();

    public int round;
    /** False while a retry round is being submitted: an interrupted submission is completed, not judged. */
    public boolean roundSubmitted = true;
    /**
     * Reopened by {@code rerun --failed}: its round opens once every stage it depends on has ended (it may run
     * items that failed upstream only then).
     */
    public boolean rerunPending;
    /** The round {@code rerun --failed} opened last (0: none); a non-array stage runs whole again in it. */
    public int rerunRound;
    /** Items that failed before the current round and are not in it (still failed upstream): counted as failed. */
    public long failedOutsideRound;

    public long submittedAt;
    public long finishedAt;
    public double computeSeconds;

    @JsonIgnore
    public List<JobRecord> jobsOfRound(int r) {
        return jobs.stream().filter(j -> j.round() == r && !j.barrier()).toList();
    }

    /**
     * The latest counts over the stage's whole population: items that succeeded before the current retry round
     * (recovered or never retried) count as SUCCEEDED, not only the round's own children.
     */
    @JsonIgnore
    public Map<JobStatus, Integer> countsOverAllRounds() {
        return overAllRounds(counts);
    }

    /** {@code roundCounts} (the current round's children per status) widened to the whole population. */
    public Map<JobStatus, Integer> overAllRounds(Map<JobStatus, Integer> roundCounts) {
        Map<JobStatus, Integer> all = new EnumMap<>(JobStatus.class);
        all.putAll(roundCounts);
        if (round > 0) {
            long roundSize =
                    jobsOfRound(round).stream().mapToLong(JobRecord::size).sum();
            all.merge(
                    JobStatus.SUCCEEDED,
                    (int) Math.max(0, populationSize - roundSize - failedOutsideRound),
                    Integer::sum);
            if (failedOutsideRound > 0) {
                all.merge(JobStatus.FAILED, (int) failedOutsideRound, Integer::sum);
            }
        }
        return all;
    }

    @JsonIgnore
    public List<String> jobIds() {
        return jobs.stream().map(JobRecord::jobId).toList();
    }
}
