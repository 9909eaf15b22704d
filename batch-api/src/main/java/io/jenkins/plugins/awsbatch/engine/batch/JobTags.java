package io.jenkins.plugins.awsbatch.engine.batch;

/**
 * The two tags the engine adds to every job, so a resumed run finds its jobs. AWS Batch's limits on tags are
 * {@link BatchLimits#tags}.
 */
public final class JobTags {
    public static final String RUN = "batchgraph:run";
    public static final String STAGE = "batchgraph:stage";

    private JobTags() {}
}
