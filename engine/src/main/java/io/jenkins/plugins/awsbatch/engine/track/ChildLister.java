package io.jenkins.plugins.awsbatch.engine.track;

import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import java.util.ArrayList;
import java.util.List;

/** Lists an array's children in one status, following ListJobs pages; used only once a stage has ended. */
public final class ChildLister {
    private final BatchService batch;

    public ChildLister(BatchService batch) {
        this.batch = batch;
    }

    public List<JobSummary> children(String arrayJobId, JobStatus status) {
        List<JobSummary> out = new ArrayList<>();
        ListJobsRequest request = ListJobsRequest.children(arrayJobId, status);
        while (true) {
            JobPage page = batch.listJobs(request);
            out.addAll(page.jobs());
            if (page.nextToken() == null || page.nextToken().isEmpty()) {
                return out;
            }
            request = request.withNextToken(page.nextToken());
        }
    }
}
