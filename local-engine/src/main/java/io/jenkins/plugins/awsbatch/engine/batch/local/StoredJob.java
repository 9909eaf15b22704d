package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.util.List;
import java.util.Map;

/**
 * A job as the whole-table snapshot of earlier versions holds it ({@link LegacySnapshot}), read only. Children
 * carry only what changes per child (their spec, id and creation time are their parent's).
 */
record StoredJob(
        String jobId,
        JobSpec spec,
        Map<String, String> tags,
        Long createdAt,
        JobStatus status,
        String statusReason,
        Long startedAt,
        Long stoppedAt,
        Integer exitCode,
        String logStreamName,
        List<JobAttempt> attempts,
        boolean cancelled,
        boolean terminated,
        boolean dependencyFailed,
        String stopRequestReason,
        List<StoredJob> children) {

    /** Rebuilds a top-level job and its children. */
    LocalJob toTopLevelJob() {
        LocalJob job = new LocalJob(jobId, spec, createdAt, tags);
        copyStateTo(job);
        if (children != null) {
            job.children = new LocalJob[children.size()];
            for (int i = 0; i < children.size(); i++) {
                LocalJob child = LocalJob.childOf(job, i);
                children.get(i).copyStateTo(child);
                job.children[i] = child;
            }
        }
        return job;
    }

    private void copyStateTo(LocalJob job) {
        new JournalEntry.JobState(
                        job.jobId(),
                        status,
                        statusReason,
                        startedAt,
                        stoppedAt,
                        exitCode,
                        logStreamName,
                        attempts == null ? null : JournalEntry.Attempt.of(attempts),
                        cancelled,
                        terminated,
                        dependencyFailed,
                        stopRequestReason)
                .applyTo(job);
    }
}
