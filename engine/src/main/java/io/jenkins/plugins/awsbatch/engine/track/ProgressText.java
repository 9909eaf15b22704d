package io.jenkins.plugins.awsbatch.engine.track;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.util.Locale;
import java.util.Map;

/**
 * A stage's progress in words: {@code 3/5 succeeded, 1 failed, 1 running, 2 starting}. Running counts only what
 * runs: a STARTING job is still being placed (on AWS, its container starting; locally, an attempt waiting in the
 * launcher's queue for a slot), so with 2 slots no more than 2 are ever said to run.
 */
public final class ProgressText {
    private ProgressText() {}

    public static String of(Map<JobStatus, Integer> counts) {
        long total = 0;
        for (Integer n : counts.values()) {
            total += n;
        }
        long ok = counts.getOrDefault(JobStatus.SUCCEEDED, 0);
        long failed = counts.getOrDefault(JobStatus.FAILED, 0);
        long running = counts.getOrDefault(JobStatus.RUNNING, 0);
        long starting = counts.getOrDefault(JobStatus.STARTING, 0);
        return String.format(Locale.ROOT, "%,d/%,d succeeded, %,d failed", ok, total, failed)
                + (running > 0 ? String.format(Locale.ROOT, ", %,d running", running) : "")
                + (starting > 0 ? String.format(Locale.ROOT, ", %,d starting", starting) : "");
    }
}
