package io.jenkins.plugins.awsbatch.engine.batch;

import java.util.List;
import java.util.Optional;

/**
 * The AWS Batch operations the engine needs, with AWS's semantics and limits. Implemented by the AWS SDK
 * ({@code aws}) and by the embedded local engine ({@code local}); everything above this interface is the same
 * for both.
 */
public interface BatchService extends AutoCloseable {

    SubmitJobResult submitJob(SubmitJobRequest request);

    /** At most {@link BatchLimits#MAX_DESCRIBE_IDS} ids; unknown ids are left out of the answer, as AWS does. */
    List<JobDetail> describeJobs(List<String> jobIds);

    JobPage listJobs(ListJobsRequest request);

    /** Cancels a job not yet STARTING; on a running job it has no effect. */
    void cancelJob(String jobId, String reason);

    /** Terminates a job in any non-terminal status; never retried. */
    void terminateJob(String jobId, String reason);

    /**
     * DescribeJobQueues for at most {@link BatchLimits#MAX_DESCRIBE_IDS} names or ARNs; queues that do not exist are left out.
     * Empty when this service cannot tell (a test double): the pre-flight check is then skipped.
     */
    default Optional<List<JobQueueDescription>> findJobQueues(List<String> queues) {
        return Optional.empty();
    }

    /**
     * Every ACTIVE revision of the job definition {@code name} (DescribeJobDefinitions by name, status ACTIVE, all
     * pages). Empty when this service cannot tell: the pre-flight check is then skipped.
     */
    default Optional<List<JobDefinitionDescription>> findActiveJobDefinitions(String name) {
        return Optional.empty();
    }

    /**
     * True when this service never drops a job it accepted (the embedded engine keeps its whole table): a job it
     * does not answer for is then unknown for good. AWS Batch drops ended jobs after about a week.
     */
    default boolean keepsEveryJob() {
        return false;
    }

    /** The region the calls go to, for messages; null when there is none (the local engine) or it is not known. */
    default String region() {
        return null;
    }

    /** The endpoint override the calls go to (moto, {@code batchgraph local-batch}); null: AWS's own or none. */
    default String endpointUrl() {
        return null;
    }

    @Override
    default void close() {}
}
