package io.jenkins.plugins.awsbatch.engine.batch;

import java.util.List;
import java.util.Optional;

/** Counts every call that reaches the wrapped service, by AWS operation name. */
public final class CountingBatchService implements BatchService {
    private final BatchService delegate;
    private final CallCounter counter;

    public CountingBatchService(BatchService delegate, CallCounter counter) {
        this.delegate = delegate;
        this.counter = counter;
    }

    @Override
    public SubmitJobResult submitJob(SubmitJobRequest request) {
        counter.count("SubmitJob");
        return delegate.submitJob(request);
    }

    @Override
    public List<JobDetail> describeJobs(List<String> jobIds) {
        counter.count("DescribeJobs");
        return delegate.describeJobs(jobIds);
    }

    @Override
    public JobPage listJobs(ListJobsRequest request) {
        counter.count("ListJobs");
        return delegate.listJobs(request);
    }

    @Override
    public void cancelJob(String jobId, String reason) {
        counter.count("CancelJob");
        delegate.cancelJob(jobId, reason);
    }

    @Override
    public void terminateJob(String jobId, String reason) {
        counter.count("TerminateJob");
        delegate.terminateJob(jobId, reason);
    }

    @Override
    public Optional<List<JobQueueDescription>> findJobQueues(List<String> queues) {
        counter.count("DescribeJobQueues");
        return delegate.findJobQueues(queues);
    }

    @Override
    public Optional<List<JobDefinitionDescription>> findActiveJobDefinitions(String name) {
        counter.count("DescribeJobDefinitions");
        return delegate.findActiveJobDefinitions(name);
    }

    @Override
    public boolean keepsEveryJob() {
        return delegate.keepsEveryJob();
    }

    @Override
    public String endpointUrl() {
        return delegate.endpointUrl();
    }

    @Override
    public String region() {
        return delegate.region();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
