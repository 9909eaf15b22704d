package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import java.util.EnumMap;
import java.util.Map;

/** Immutable copies of a job's state as DescribeJobs and ListJobs report it. Called under the scheduler's lock. */
final class JobViews {
    private JobViews() {}

    static JobDetail detail(LocalJob job) {
        Map<JobStatus, Integer> summary = null;
        if (job.isArrayParent()) {
            summary = new EnumMap<>(JobStatus.class);
            for (JobStatus s : JobStatus.values()) {
                summary.put(s, job.statusSummary[s.ordinal()]);
            }
        }
        JobSpec spec = job.spec;
        return new JobDetail(
                job.jobId(),
                spec.jobName(),
                spec.jobQueue(),
                spec.jobDefinition(),
                job.status,
                job.statusReason,
                job.createdAt,
                job.startedAt,
                job.stoppedAt,
                spec.arraySize(),
                job.arrayIndex(),
                summary,
                job.exitCode,
                job.logStreamName(),
                job.attempts(),
                spec.dependsOn(),
                job.cancelled,
                job.terminated,
                job.effectiveTags());
    }

    static JobSummary summary(LocalJob job) {
        return new JobSummary(
                job.jobId(),
                job.spec.jobName(),
                job.status,
                job.statusReason,
                job.createdAt,
                job.startedAt,
                job.stoppedAt,
                job.arrayIndex(),
                job.exitCode,
                job.isArrayParent() ? job.spec.arraySize() : null,
                job.spec.jobDefinition());
    }
}
