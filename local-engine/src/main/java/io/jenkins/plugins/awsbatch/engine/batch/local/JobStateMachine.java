package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Status changes and what follows from them: the parent's {@code statusSummary} (kept incrementally, never
 * recounted), the parent's own end once its last child ends, and the dependency cascade (a success releases
 * dependents, a failure fails them unrun). Iterative, so a 10,000-long SEQUENTIAL chain cannot overflow the stack.
 * Callers hold the scheduler's lock.
 */
final class JobStateMachine {
    static final String DEPENDENT_JOB_FAILED = "Dependent Job failed";
    static final String ARRAY_CHILD_FAILED = "Array Child Job failed";

    private final Clock clock;
    private final Consumer<LocalJob> onRunnable;
    private final Consumer<LocalJob> onChange;
    private volatile JobEventListener listener;

    /** @param onChange told of each job whose kept state changed, after the change */
    JobStateMachine(Clock clock, Consumer<LocalJob> onRunnable, Consumer<LocalJob> onChange) {
        this.clock = clock;
        this.onRunnable = onRunnable;
        this.onChange = onChange;
    }

    void listener(JobEventListener newListener) {
        listener = newListener;
    }

    long now() {
        return clock.millis();
    }

    void moveTo(LocalJob job, JobStatus next) {
        JobStatus previous = job.status;
        if (previous == next) {
            return;
        }
        job.status = next;
        if (job.parent != null) {
            job.parent.statusSummary[previous.ordinal()]--;
            job.parent.statusSummary[next.ordinal()]++;
        }
        onChange.accept(job);
        JobEventListener told = listener;
        if (told != null) {
            told.statusChanged(JobViews.detail(job));
        }
    }

    /** Makes a job runnable and hands it to the scheduler's ready queue. */
    void release(LocalJob job) {
        moveTo(job, JobStatus.RUNNABLE);
        onRunnable.accept(job);
    }

    /**
     * Connects a new (or reloaded) job to the jobs it waits for: it is released at once when all have succeeded,
     * fails unrun when one has failed, and otherwise waits PENDING.
     */
    void wire(LocalJob job, List<LocalJob> prerequisites) {
        moveTo(job, JobStatus.PENDING);
        int unmet = 0;
        for (LocalJob prerequisite : prerequisites) {
            if (prerequisite.status == JobStatus.FAILED) {
                failUnrun(job, prerequisite);
                cascadeFrom(job);
                return;
            }
            if (prerequisite.status != JobStatus.SUCCEEDED) {
                unmet++;
            }
        }
        job.unmetDependencies = unmet;
        if (unmet == 0) {
            release(job);
            return;
        }
        for (LocalJob prerequisite : prerequisites) {
            if (!prerequisite.isTerminal()) {
                prerequisite.addDependent(job);
            }
        }
    }

    /** Ends a job (never an array parent, whose end follows its children) and everything that follows from it. */
    void finish(LocalJob job, JobStatus terminal, String reason) {
        job.statusReason = reason;
        job.stoppedAt = notBefore(now(), job.startedAt == null ? job.createdAt : job.startedAt);
        moveTo(job, terminal);
        cascadeFrom(job);
    }

    /** A reloaded array whose children all ended while no engine watched: it ends now, and so do its followers. */
    void endParent(LocalJob parent) {
        if (parent.isTerminal()) {
            return;
        }
        finishParent(parent);
        cascadeFrom(parent);
    }

    private void cascadeFrom(LocalJob first) {
        Deque<LocalJob> ended = new ArrayDeque<>();
        ended.add(first);
        while (!ended.isEmpty()) {
            LocalJob job = ended.poll();
            LocalJob parent = job.parent;
            if (parent != null) {
                parent.terminalChildren++;
                if (job.status == JobStatus.FAILED) {
                    parent.failedChildren++;
                }
                if (parent.terminalChildren == parent.children.length && !parent.isTerminal()) {
                    finishParent(parent);
                    ended.add(parent);
                }
            }
            List<LocalJob> dependents = job.dependents;
            job.dependents = null;
            if (dependents == null) {
                continue;
            }
            for (LocalJob dependent : dependents) {
                if (dependent.isTerminal()) {
                    continue;
                }
                if (job.status == JobStatus.SUCCEEDED) {
                    if (--dependent.unmetDependencies == 0 && dependent.status == JobStatus.PENDING) {
                        release(dependent);
                    }
                } else {
                    failUnrun(dependent, job);
                    ended.add(dependent);
                }
            }
        }
    }

    private void failUnrun(LocalJob job, LocalJob failedPrerequisite) {
        job.statusReason = DEPENDENT_JOB_FAILED;
        job.stoppedAt = notBefore(now(), job.createdAt);
        moveTo(job, JobStatus.FAILED);
        LocalJob parent = job.parent;
        if (parent != null && failedPrerequisite.parent != parent && failedPrerequisite.parent == null) {
            // a whole-job prerequisite of the array failed (not an N_TO_N peer, not a SEQUENTIAL sibling)
            if (!parent.dependencyFailed) {
                parent.dependencyFailed = true;
                onChange.accept(parent);
            }
        }
    }

    /** All children are terminal: the parent succeeds iff every child did. */
    private void finishParent(LocalJob parent) {
        Long firstStart = null;
        for (LocalJob child : parent.children) {
            if (child.startedAt != null && (firstStart == null || child.startedAt < firstStart)) {
                firstStart = child.startedAt;
            } else if (child.startedAt == null && child.attemptCount() > 0) {
                Long attemptStart = child.firstAttemptStartedAt();
                if (attemptStart != null && (firstStart == null || attemptStart < firstStart)) {
                    firstStart = attemptStart;
                }
            }
        }
        long now = now();
        parent.startedAt = firstStart == null ? null : notBefore(firstStart, parent.createdAt);
        parent.stoppedAt = notBefore(now, parent.startedAt == null ? parent.createdAt : parent.startedAt);
        if (parent.failedChildren == 0) {
            moveTo(parent, JobStatus.SUCCEEDED);
        } else {
            parent.statusReason = parent.dependencyFailed
                    ? DEPENDENT_JOB_FAILED
                    : parent.stopRequestReason != null ? parent.stopRequestReason : ARRAY_CHILD_FAILED;
            moveTo(parent, JobStatus.FAILED);
        }
    }

    static long notBefore(long value, long floor) {
        return Math.max(value, floor);
    }
}
