package io.jenkins.plugins.awsbatch.engine.batch.aws;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobResult;
import io.jenkins.plugins.awsbatch.engine.batch.TokenBucket;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.CancelJobRequest;
import software.amazon.awssdk.services.batch.model.ClientException;
import software.amazon.awssdk.services.batch.model.DescribeJobsRequest;
import software.amazon.awssdk.services.batch.model.TerminateJobRequest;

/**
 * {@link BatchService} on AWS Batch through SDK v2. Requests are validated against AWS's limits before
 * anything is sent; every call takes a permit from the run's {@link TokenBucket} first; throttling and 5xx are
 * retried by the client's adaptive retry strategy (see {@link AwsClients}); AWS's {@code ClientException}
 * becomes a {@link BatchClientException} with AWS's own message. The client is owned by the caller
 * ({@link AwsClients}), so {@link #close()} leaves it open.
 */
public final class AwsBatchService implements BatchService {
    private final BatchClient batch;
    private final TokenBucket pacer;

    public AwsBatchService(BatchClient batch, TokenBucket pacer) {
        this.batch = batch;
        this.pacer = pacer;
    }

    @Override
    public SubmitJobResult submitJob(SubmitJobRequest request) {
        SubmitJobValidator.validate(request);
        var sdkRequest = BatchModelMapper.toSdk(request);
        var response = call(() -> batch.submitJob(sdkRequest));
        return new SubmitJobResult(response.jobId(), response.jobName(), response.jobArn());
    }

    @Override
    public List<JobDetail> describeJobs(List<String> jobIds) {
        if (jobIds.size() > MAX_DESCRIBE_IDS) {
            throw new BatchClientException("The maximum number of jobs that can be described in one call is "
                    + MAX_DESCRIBE_IDS + ", got " + jobIds.size());
        }
        if (jobIds.isEmpty()) {
            return List.of();
        }
        var response = call(() -> batch.describeJobs(DescribeJobsRequest.builder().jobs(jobIds).build()));
        return response.jobs().stream().map(BatchModelMapper::fromSdk).toList();
    }

    @Override
    public JobPage listJobs(ListJobsRequest request) {
        if ((request.jobQueue() == null) == (request.arrayJobId() == null)) {
            throw new BatchClientException("ListJobs needs exactly one of jobQueue or arrayJobId");
        }
        if (request.maxResults() != null && (request.maxResults() < 1 || request.maxResults() > 1000)) {
            throw new BatchClientException("maxResults must be between 1 and 1000, was " + request.maxResults());
        }
        var sdkRequest = BatchModelMapper.toSdk(request);
        var response = call(() -> batch.listJobs(sdkRequest));
        var jobs = response.jobSummaryList().stream().map(BatchModelMapper::fromSdk);
        if (request.arrayJobId() == null) {
            // A queue lists parents and single jobs only, as on AWS; some emulators (moto) list children too.
            jobs = jobs.filter(j -> BatchModelMapper.childIndex(j.jobId()) == null);
        }
        return new JobPage(jobs.toList(), response.nextToken());
    }

    @Override
    public void cancelJob(String jobId, String reason) {
        call(() -> batch.cancelJob(CancelJobRequest.builder().jobId(jobId).reason(reason(reason)).build()));
    }

    @Override
    public void terminateJob(String jobId, String reason) {
        call(() -> batch.terminateJob(TerminateJobRequest.builder().jobId(jobId).reason(reason(reason)).build()));
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "Stopped by batchgraph" : reason;
    }

    private <T> T call(Supplier<T> call) {
        pacer.acquire();
        try {
            return call.get();
        } catch (ClientException e) {
            String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                    ? e.awsErrorDetails().errorMessage()
                    : e.getMessage();
            throw new BatchClientException(message, e);
        }
    }
}
