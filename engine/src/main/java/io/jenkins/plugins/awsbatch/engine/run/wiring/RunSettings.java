package io.jenkins.plugins.awsbatch.engine.run.wiring;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;

/**
 * Tunables of a run: how many failed items get log tails and how long they are, the default queue, and
 * whether to total compute seconds (costs ListJobs calls once per finished stage).
 */
public record RunSettings(
        int maxLogTails,
        int logTailLines,
        int logTailBytes,
        String defaultQueue,
        boolean computeSeconds,
        int maxArraySize) {

    public static RunSettings defaults() {
        return new RunSettings(10, 20, 4096, "default", true, BatchLimits.MAX_ARRAY_SIZE);
    }

    /** Smaller arrays than Batch's 10,000 (tests of chunking and barriers without 200,000 items). */
    public RunSettings withMaxArraySize(int size) {
        return new RunSettings(maxLogTails, logTailLines, logTailBytes, defaultQueue, computeSeconds, size);
    }
}
