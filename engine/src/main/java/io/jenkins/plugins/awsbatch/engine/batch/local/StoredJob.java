package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A job as the snapshot holds it. Children carry only what changes per child (their spec, id and creation time
 * are their parent's), which keeps a 10,000-child array small on disk.
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

    static StoredJob of(LocalJob job) {
        List<StoredJob> children = null;
        if (job.isArrayParent()) {
            children = new ArrayList<>(job.children.length);
            for (LocalJob child : job.children) {
                children.add(of(child));
            }
        }
        boolean top = !job.isChild();
        return new StoredJob(top ? job.jobId : null, top ? job.spec : null, top ? Map.copyOf(job.tags) : null,
                top ? job.createdAt : null, job.status, job.statusReason, job.startedAt, job.stoppedAt, job.exitCode,
                job.logStreamName, job.attempts.isEmpty() ? null : List.copyOf(job.attempts), job.cancelled,
                job.terminated, job.dependencyFailed, job.stopRequestReason, children);
    }

    /** Rebuilds a top-level job and its children. */
    LocalJob toTopLevelJob() {
        LocalJob job = new LocalJob(jobId, spec, null, null, createdAt, tags);
        copyStateTo(job);
        if (children != null) {
            job.children = new LocalJob[children.size()];
            for (int i = 0; i < children.size(); i++) {
                LocalJob child = new LocalJob(jobId + ":" + i, spec, job, i, createdAt, null);
                children.get(i).copyStateTo(child);
                job.children[i] = child;
            }
        }
        return job;
    }

    private void copyStateTo(LocalJob job) {
        job.status = status;
        job.statusReason = statusReason;
        job.startedAt = startedAt;
        job.stoppedAt = stoppedAt;
        job.exitCode = exitCode;
        job.logStreamName = logStreamName;
        if (attempts != null) {
            job.attempts.addAll(attempts);
        }
        job.cancelled = cancelled;
        job.terminated = terminated;
        job.dependencyFailed = dependencyFailed;
        job.stopRequestReason = stopRequestReason;
    }
}
