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
 * <p>
 * A run of 100,000 items holds hundreds of thousands of children at once, so a child keeps only what is its
 * own: its id ({@code <parent id>:<index>}) is made when asked for, its ended attempts are kept compact
 * ({@link EndedAttempts}), its log stream name only when it is not the derived one, and its dependents list
 * exists only once it has some.
 */
final class LocalJob {
    /** Top-level jobs only; a child's id is derived ({@link #jobId()}). */
    private final String id;

    final JobSpec spec;
    final LocalJob parent;
    /** The array index of a child; -1 for a top-level job. */
    final int index;

    final long createdAt;

    JobStatus status = JobStatus.SUBMITTED;
    String statusReason;
    Long startedAt;
    Long stoppedAt;
    Integer exitCode;
    /** The log stream name when it is not the one attempt {@link #logStreamAttempt} gives; see {@link #logStreamName()}. */
    private String logStream;

    private byte logStreamAttempt;
    private EndedAttempts.Ended[] attempts = EndedAttempts.NONE;

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

    /** A single job or an array parent. */
    LocalJob(String jobId, JobSpec spec, long createdAt, Map<String, String> tags) {
        this.id = jobId;
        this.spec = spec;
        this.parent = null;
        this.index = -1;
        this.createdAt = createdAt;
        this.tags = new LinkedHashMap<>(tags == null ? Map.of() : tags);
    }

    private LocalJob(LocalJob parent, int index) {
        this.id = null;
        this.spec = parent.spec;
        this.parent = parent;
        this.index = index;
        this.createdAt = parent.createdAt;
        this.tags = null;
    }

    /** Child {@code index} of the array {@code parent}, SUBMITTED. */
    static LocalJob childOf(LocalJob parent, int index) {
        return new LocalJob(parent, index);
    }

    String jobId() {
        return id != null ? id : parent.id + ":" + index;
    }

    /** A child's index, null for a top-level job. */
    Integer arrayIndex() {
        return index < 0 ? null : index;
    }

    /** The ended attempts, oldest first, made afresh: read-only. */
    List<JobAttempt> attempts() {
        return EndedAttempts.views(attempts, jobId());
    }

    int attemptCount() {
        return attempts.length;
    }

    /** When the first ended attempt started; null without one, or when it never started. */
    Long firstAttemptStartedAt() {
        return EndedAttempts.firstStartedAt(attempts);
    }

    void addAttempt(JobAttempt attempt) {
        attempts = EndedAttempts.add(attempts, jobId(), attempt);
    }

    void replaceAttempts(List<JobAttempt> replacement) {
        attempts = EndedAttempts.of(jobId(), replacement);
    }

    /** A copy of what this job's journal line holds, to be written outside the lock. */
    JobImage image() {
        return new JobImage(
                this,
                status,
                statusReason,
                startedAt,
                stoppedAt,
                exitCode,
                logStream,
                logStreamAttempt,
                attempts,
                cancelled,
                terminated,
                dependencyFailed,
                stopRequestReason);
    }

    /** The log stream of the attempt running or last ended; null before the first. */
    String logStreamName() {
        return logStreamAttempt == 0 ? logStream : EndedAttempts.stream(jobId(), logStreamAttempt, null);
    }

    void logStreamName(String name) {
        logStream = name;
        logStreamAttempt = 0;
        String id = jobId();
        for (int attempt = attempts.length + 1; name != null && attempt >= Math.max(1, attempts.length); attempt--) {
            if (attempt > Byte.MAX_VALUE) {
                continue;
            }
            if (EndedAttempts.keptStream(id, attempt, name) == null) {
                logStream = null;
                logStreamAttempt = (byte) attempt;
                return;
            }
        }
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
        return attempts.length + 1;
    }

    Map<String, String> effectiveTags() {
        return parent == null ? tags : parent.tags;
    }

    void addDependent(LocalJob dependent) {
        if (dependents == null) {
            dependents = List.of(dependent); // an N_TO_N peer is the only dependent of most children
        } else {
            if (!(dependents instanceof ArrayList)) {
                dependents = new ArrayList<>(dependents);
            }
            dependents.add(dependent);
        }
    }
}
