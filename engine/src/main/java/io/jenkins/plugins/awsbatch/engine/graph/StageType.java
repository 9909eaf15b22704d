package io.jenkins.plugins.awsbatch.engine.graph;

/** What a stage submits: an array over the items, one job, aggregation job(s), or the run's cleanup. */
public enum StageType {
    ARRAY,
    SINGLE,
    AGGREGATE,
    CLEANUP
}
