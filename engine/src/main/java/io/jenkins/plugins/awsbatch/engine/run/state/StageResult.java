package io.jenkins.plugins.awsbatch.engine.run.state;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.util.List;
import java.util.Map;

/** One stage in the run result ({@code --json}'s {@code stages[]}; {@code status} is written as its name). */
public record StageResult(
        String name,
        StageStatus status,
        String reason,
        List<String> jobIds,
        Map<JobStatus, Integer> counts,
        List<FailedItem> failedItems,
        long failedCount,
        Map<Long, Integer> recoveredInRound,
        int rounds,
        double computeSeconds) {}
