package io.jenkins.plugins.awsbatch.engine.track;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes jobs in batches of at most 100 ids: polling array parents costs ceil(parents/100) calls however
 * many children they have.
 */
public final class JobPoller {
    private final BatchService batch;

    public JobPoller(BatchService batch) {
        this.batch = batch;
    }

    public Map<String, JobDetail> describe(List<String> jobIds) {
        Map<String, JobDetail> out = new LinkedHashMap<>();
        for (int from = 0; from < jobIds.size(); from += BatchLimits.MAX_DESCRIBE_IDS) {
            List<String> batchIds = jobIds.subList(from, Math.min(jobIds.size(), from + BatchLimits.MAX_DESCRIBE_IDS));
            for (JobDetail detail : batch.describeJobs(batchIds)) {
                out.put(detail.jobId(), detail);
            }
        }
        return out;
    }
}
