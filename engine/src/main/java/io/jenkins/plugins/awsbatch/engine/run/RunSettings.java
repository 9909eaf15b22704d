package io.jenkins.plugins.awsbatch.engine.run;

/**
 * Tunables of a run: how many failed items get log tails and how long they are, the default queue, and
 * whether to total compute seconds (costs ListJobs calls once per finished stage).
 */
public record RunSettings(int maxLogTails, int logTailLines, int logTailBytes, String defaultQueue,
                          boolean computeSeconds, boolean reconcileByName, int maxArraySize) {

    public static RunSettings defaults() {
        return new RunSettings(10, 20, 4096, "default", true, false,
                io.jenkins.plugins.awsbatch.engine.batch.BatchService.MAX_ARRAY_SIZE);
    }

    public RunSettings withReconcileByName(boolean reconcile) {
        return new RunSettings(maxLogTails, logTailLines, logTailBytes, defaultQueue, computeSeconds, reconcile, maxArraySize);
    }

    public RunSettings withDefaultQueue(String queue) {
        return new RunSettings(maxLogTails, logTailLines, logTailBytes, queue, computeSeconds, reconcileByName, maxArraySize);
    }

    /** Smaller arrays than Batch's 10,000 (tests of chunking and barriers without 200,000 items). */
    public RunSettings withMaxArraySize(int size) {
        return new RunSettings(maxLogTails, logTailLines, logTailBytes, defaultQueue, computeSeconds, reconcileByName, size);
    }
}
