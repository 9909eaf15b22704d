package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.util.Map;

/** The progress ticker's tally of one running stage: its children by status as the events report them, and since when it runs. */
final class TickerStage {
    final String name;
    final long startedMs;
    long total;
    long succeeded;
    long failed;
    long running;

    TickerStage(String name, long startedMs) {
        this.name = name;
        this.startedMs = startedMs;
    }

    void update(Map<JobStatus, Integer> counts, long total) {
        this.total = total;
        succeeded = counts.getOrDefault(JobStatus.SUCCEEDED, 0);
        failed = counts.getOrDefault(JobStatus.FAILED, 0);
        running = counts.getOrDefault(JobStatus.RUNNING, 0); // a STARTING job is not running yet (ProgressText)
    }

    long done() {
        return succeeded + failed;
    }

    /** The counts alone: a line is worth printing again only when this changed. */
    String countsKey() {
        return total + "/" + succeeded + "/" + failed + "/" + running;
    }

    long elapsedMs(long nowMs) {
        return Math.max(0, nowMs - startedMs);
    }

    /** Time left at the pace so far; -1 while nothing ended yet or once all did. */
    long etaMs(long nowMs) {
        long done = done();
        if (done == 0 || done >= total) {
            return -1;
        }
        return elapsedMs(nowMs) * (total - done) / done;
    }
}
