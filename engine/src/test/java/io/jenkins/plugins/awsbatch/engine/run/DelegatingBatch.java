package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobResult;
import java.util.List;

/** A Batch service (usually the local engine) whose answers a test overrides one operation at a time. */
public class DelegatingBatch implements BatchService {
    public final BatchService delegate;

    public DelegatingBatch(BatchService delegate) {
        this.delegate = delegate;
    }

    @Override
    public SubmitJobResult submitJob(SubmitJobRequest request) {
        return delegate.submitJob(request);
    }

    @Override
    public List<JobDetail> describeJobs(List<String> jobIds) {
        return delegate.describeJobs(jobIds);
    }

    @Override
    public JobPage listJobs(ListJobsRequest request) {
        return delegate.listJobs(request);
    }

    @Override
    public void cancelJob(String jobId, String reason) {
        delegate.cancelJob(jobId, reason);
    }

    @Override
    public void terminateJob(String jobId, String reason) {
        delegate.terminateJob(jobId, reason);
    }
}
