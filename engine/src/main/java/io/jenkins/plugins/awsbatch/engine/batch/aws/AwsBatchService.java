package io.jenkins.plugins.awsbatch.engine.batch.aws;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.JobDefinitionDescription;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.JobQueueDescription;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobResult;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobValidator;
import io.jenkins.plugins.awsbatch.engine.batch.TokenBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.CancelJobRequest;
import software.amazon.awssdk.services.batch.model.ClientException;
import software.amazon.awssdk.services.batch.model.DescribeJobDefinitionsRequest;
import software.amazon.awssdk.services.batch.model.DescribeJobQueuesRequest;
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
    static final int MAX_REASON = 1024;
    private final BatchClient batch;
    private final BatchClient submitClient;
    private final TokenBucket pacer;
    private final SubmitRetries submitRetries;

    /** SubmitJob through {@code batch} too (with whatever retries it has): for tests and single-client setups. */
    public AwsBatchService(BatchClient batch, TokenBucket pacer) {
        this(
                batch,
                batch,
                pacer,
                new SubmitRetries(1, java.time.Duration.ZERO, java.time.Duration.ZERO, TokenBucket.Sleeper.THREAD));
    }

    /**
     * {@code submitClient} must not retry: SubmitJob is retried here, after looking the job up by its name, so a
     * request that reached AWS but whose answer was lost never creates a second job.
     */
    public AwsBatchService(
            BatchClient batch, BatchClient submitClient, TokenBucket pacer, SubmitRetries submitRetries) {
        this.batch = batch;
        this.submitClient = submitClient;
        this.pacer = pacer;
        this.submitRetries = submitRetries;
    }

    @Override
    public SubmitJobResult submitJob(SubmitJobRequest request) {
        SubmitJobValidator.validate(request);
        var sdkRequest = BatchModelMapper.toSdk(request);
        long firstAttempt = System.currentTimeMillis();
        var retryRequest = sdkRequest.toBuilder()
                .overrideConfiguration(o -> o.putExecutionAttribute(CallCountingInterceptor.ENGINE_RETRY, Boolean.TRUE))
                .build();
        for (int attempt = 1; ; attempt++) {
            var attemptRequest = attempt == 1 ? sdkRequest : retryRequest;
            try {
                var response = call(() -> submitClient.submitJob(attemptRequest));
                return new SubmitJobResult(response.jobId(), response.jobName(), response.jobArn());
            } catch (SdkException e) {
                if (!isTransient(e) || attempt >= submitRetries.attempts()) {
                    throw e;
                }
                sleep(submitRetries.delayBefore(attempt));
                java.util.Optional<SubmitJobResult> created = findCreated(request, firstAttempt);
                if (created.isPresent()) {
                    return created.get(); // the lost attempt did create it: adopt, never submit twice
                }
            }
        }
    }

    /** Throttling, 5xx and I/O failures: the request may or may not have reached AWS. */
    static boolean isTransient(SdkException e) {
        if (e instanceof software.amazon.awssdk.core.exception.SdkClientException) {
            return true;
        }
        return e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                && (service.isThrottlingException() || service.statusCode() >= 500);
    }

    /** A top-level job of this name in the queue, created since the first attempt (names are unique per run). */
    private java.util.Optional<SubmitJobResult> findCreated(SubmitJobRequest request, long since) {
        ListJobsRequest byName = ListJobsRequest.named(request.jobQueue(), request.jobName());
        while (true) {
            JobPage page = listJobs(byName);
            for (var job : page.jobs()) {
                if (request.jobName().equals(job.jobName())
                        && job.arrayIndex() == null
                        && (job.createdAt() == 0 || job.createdAt() >= since - 60_000)) {
                    return java.util.Optional.of(new SubmitJobResult(job.jobId(), job.jobName(), null));
                }
            }
            if (page.nextToken() == null) {
                return java.util.Optional.empty();
            }
            byName = byName.withNextToken(page.nextToken());
        }
    }

    private void sleep(java.time.Duration delay) {
        try {
            submitRetries.sleeper().sleepNanos(delay.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying SubmitJob", e);
        }
    }

    @Override
    public List<JobDetail> describeJobs(List<String> jobIds) {
        BatchLimits.require(BatchLimits.describeIds(jobIds.size(), "jobs"));
        if (jobIds.isEmpty()) {
            return List.of();
        }
        var response = call(() ->
                batch.describeJobs(DescribeJobsRequest.builder().jobs(jobIds).build()));
        return response.jobs().stream().map(BatchModelMapper::fromSdk).toList();
    }

    @Override
    public JobPage listJobs(ListJobsRequest request) {
        if ((request.jobQueue() == null) == (request.arrayJobId() == null)) {
            throw new BatchClientException("ListJobs needs exactly one of jobQueue or arrayJobId");
        }
        if (request.maxResults() != null
                && (request.maxResults() < 1 || request.maxResults() > ListJobsRequest.MAX_RESULTS)) {
            throw new BatchClientException("maxResults must be between 1 and " + ListJobsRequest.MAX_RESULTS + ", was "
                    + request.maxResults());
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
        call(() -> batch.cancelJob(
                CancelJobRequest.builder().jobId(jobId).reason(reason(reason)).build()));
    }

    @Override
    public void terminateJob(String jobId, String reason) {
        call(() -> batch.terminateJob(TerminateJobRequest.builder()
                .jobId(jobId)
                .reason(reason(reason))
                .build()));
    }

    @Override
    public Optional<List<JobQueueDescription>> findJobQueues(List<String> queues) {
        if (queues.size() > BatchLimits.MAX_DESCRIBE_IDS) {
            throw new IllegalArgumentException("DescribeJobQueues takes at most " + BatchLimits.MAX_DESCRIBE_IDS
                    + " queues, got " + queues.size());
        }
        List<JobQueueDescription> out = new ArrayList<>();
        if (queues.isEmpty()) {
            return Optional.of(out); // no names would list every queue of the account
        }
        String token = null;
        do {
            var request = DescribeJobQueuesRequest.builder()
                    .jobQueues(queues)
                    .nextToken(token)
                    .build();
            var response = call(() -> batch.describeJobQueues(request));
            response.jobQueues().forEach(q -> out.add(DescribeMapper.queue(q)));
            token = response.nextToken();
        } while (token != null);
        return Optional.of(out);
    }

    @Override
    public Optional<List<JobDefinitionDescription>> findActiveJobDefinitions(String name) {
        List<JobDefinitionDescription> out = new ArrayList<>();
        String token = null;
        do {
            var request = DescribeJobDefinitionsRequest.builder()
                    .jobDefinitionName(name)
                    .status("ACTIVE")
                    .nextToken(token)
                    .build();
            var response = call(() -> batch.describeJobDefinitions(request));
            response.jobDefinitions().forEach(d -> out.add(DescribeMapper.definition(d)));
            token = response.nextToken();
        } while (token != null);
        return Optional.of(out);
    }

    @Override
    public String region() {
        try {
            var region = batch.serviceClientConfiguration().region();
            return region == null ? null : region.id();
        } catch (RuntimeException e) {
            return null; // a scripted client in tests: the messages just leave the region out
        }
    }

    @Override
    public String endpointUrl() {
        try {
            return batch.serviceClientConfiguration()
                    .endpointOverride()
                    .map(Object::toString)
                    .orElse(null);
        } catch (RuntimeException e) {
            return null; // a scripted client in tests
        }
    }

    /** CancelJob and TerminateJob take at most 1,024 characters: a longer reason would leave the job running. */
    static String reason(String reason) {
        String text = reason == null || reason.isBlank() ? "Stopped by batchgraph" : reason;
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 3) + "...";
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
