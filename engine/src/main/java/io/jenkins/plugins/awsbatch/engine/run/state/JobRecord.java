package io.jenkins.plugins.awsbatch.engine.run.state;

/**
 * One submitted job, journaled before the next call. {@code offset}/{@code size} locate its children in the
 * stage's population (the index map of its round, or all items); {@code round} 0 is the first submission,
 * r &gt; 0 the r-th retry of failed items; {@code partition} is set for partition aggregation jobs.
 */
public record JobRecord(
        String jobId,
        String jobName,
        int chunk,
        long offset,
        int size,
        int round,
        String indexMapUri,
        String partition,
        boolean barrier) {

    public boolean isArray() {
        return size >= 2;
    }
}
