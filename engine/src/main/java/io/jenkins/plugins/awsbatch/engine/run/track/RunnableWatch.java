package io.jenkins.plugins.awsbatch.engine.run.track;

import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Says why a run waits when its jobs sit in RUNNABLE and none of them has started for {@link #AFTER}. A job stays
 * RUNNABLE for ever when no compute environment of its queue can place it (vCPUs or memory above every instance
 * type, a disabled or INVALID environment, no capacity); Batch puts the reason in the statusReason of the blocked
 * job. Without this the run only counts RUNNABLE jobs all night. Costs at most one ListJobs per {@link #AFTER}.
 */
final class RunnableWatch {
    static final Duration AFTER = Duration.ofMinutes(10);

    private final BatchService batch;
    private final Set<String> told = new HashSet<>();
    private long idleSince = -1;
    private long lastLook = -1;

    RunnableWatch(BatchService batch) {
        this.batch = batch;
    }

    /** The line to tell about the run's not yet ended jobs, or null. */
    String observe(Collection<JobDetail> open, long now) {
        boolean runnable = open.stream().anyMatch(d -> count(d, JobStatus.RUNNABLE) > 0);
        boolean started = open.stream().anyMatch(d -> count(d, JobStatus.STARTING) + count(d, JobStatus.RUNNING) > 0);
        if (!runnable || started) {
            idleSince = -1;
            return null;
        }
        if (idleSince < 0) {
            idleSince = now;
        }
        if (now - idleSince < AFTER.toMillis() || lastLook >= 0 && now - lastLook < AFTER.toMillis()) {
            return null;
        }
        lastLook = now;
        String reason = reason(open);
        if (!told.add(reason == null ? "" : reason)) {
            return null;
        }
        return "jobs have waited in RUNNABLE for "
                + Duration.ofMillis(now - idleSince).toMinutes() + " min with none "
                + "starting" + (reason == null ? "" : "; AWS Batch says: " + reason)
                + ". Check the job queue's compute "
                + "environments: ENABLED and VALID, maxvCpus above 0, instance types that fit the jobs' vCPUs and memory";
    }

    /** A blocked job's statusReason: a single job's from DescribeJobs, else the first RUNNABLE child's. */
    private String reason(Collection<JobDetail> open) {
        for (JobDetail d : open) {
            if (d.status() == JobStatus.RUNNABLE && blankToNull(d.statusReason()) != null) {
                return d.statusReason();
            }
        }
        for (JobDetail d : open) {
            if (d.isArrayParent() && count(d, JobStatus.RUNNABLE) > 0) {
                for (JobSummary child : batch.listJobs(
                                new ListJobsRequest(null, d.jobId(), JobStatus.RUNNABLE, null, 1, null))
                        .jobs()) {
                    if (blankToNull(child.statusReason()) != null) {
                        return child.statusReason();
                    }
                }
            }
        }
        return null;
    }

    private static int count(JobDetail d, JobStatus status) {
        if (d.statusSummary().isEmpty()) {
            return d.status() == status ? 1 : 0;
        }
        return d.statusSummary().getOrDefault(status, 0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
