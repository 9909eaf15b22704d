package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * The mutable state of one job: a single job, an array parent or an array child. Guarded by the scheduler's
 * lock; never handed out (callers get {@code JobDetail} copies).
 */
final class LocalJob {
    final String jobId;
    final JobSpec spec;
    final LocalJob parent;
    final Integer arrayIndex;
    final long createdAt;

    JobStatus status = JobStatus.SUBMITTED;
    String statusReason;
    Long startedAt;
    Long stoppedAt;
    Integer exitCode;
    String logStreamName;
    final List<JobAttempt> attempts = new ArrayList<>(1);
    boolean cancelled;
    boolean terminated;
    /** Top-level jobs only; children report their parent's tags. */
    final Map<String, String> tags;

    // array parent bookkeeping, maintained incrementally as children move
    LocalJob[] children;
    int[] statusSummary;
    int terminalChildren;
    int failedChildren;
    /** A whole-array dependency of this parent failed: its reason is "Dependent Job failed". */
    boolean dependencyFailed;
    /** The reason given to CancelJob/TerminateJob on this parent, reported once all children are terminal. */
    String stopRequestReason;

    // dependency graph: how many prerequisites have not succeeded yet, and who waits on this job
    int unmetDependencies;
    List<LocalJob> dependents;

    /** Top-level jobs: the engine's state on disk holds this job, so its attempts may start. */
    volatile boolean persisted;

    // the attempt in flight: the wrapper process, spawned by this engine or adopted from an earlier one
    ProcessHandle process;
    /** True when {@link #process} was started by an earlier engine: watched through its records, not waited on. */
    boolean adopted;

    long attemptStartedAt;
    /** Set when TerminateJob or the timeout wants the running attempt stopped; the reason it will end with. */
    String killReason;

    boolean timedOut;
    Future<?> timeoutTask;

    LocalJob(
            String jobId, JobSpec spec, LocalJob parent, Integer arrayIndex, long createdAt, Map<String, String> tags) {
        this.jobId = jobId;
        this.spec = spec;
        this.parent = parent;
        this.arrayIndex = arrayIndex;
        this.createdAt = createdAt;
        this.tags = parent == null ? new LinkedHashMap<>(tags == null ? Map.of() : tags) : null;
    }

    boolean isArrayParent() {
        return children != null;
    }

    boolean isChild() {
        return parent != null;
    }

    boolean isTerminal() {
        return status.isTerminal();
    }

    /** Attempt number (1-based) of the next or current attempt. */
    int currentAttemptNumber() {
        return attempts.size() + 1;
    }

    Map<String, String> effectiveTags() {
        return parent == null ? tags : parent.tags;
    }

    void addDependent(LocalJob dependent) {
        if (dependents == null) {
            dependents = new ArrayList<>(2);
        }
        dependents.add(dependent);
    }
}
