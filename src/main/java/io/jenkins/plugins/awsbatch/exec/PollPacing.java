package io.jenkins.plugins.awsbatch.exec;

import java.util.Objects;

/**
 * When a step polls next and how many failed polls in a row it has tolerated: the engine's own backoff (5 s to
 * 60 s on AWS, faster on the local engine) kept within the step's {@link PollPolicy}, the policy's backoff when the
 * engine gives none, and an error budget of {@link #MAX_POLL_ERRORS}. Saved with the execution under the
 * execution's own field names ({@code delayMillis}, {@code nextPollAtMillis}, {@code lastStatus},
 * {@code pollErrors}).
 */
final class PollPacing {
    /** Consecutive failed polls (network, credentials expiring...) tolerated before the step fails. */
    static final int MAX_POLL_ERRORS = 5;

    private final PollPolicy policy;
    private volatile long delayMillis;
    private volatile long nextPollAtMillis;
    private volatile String lastStatus;
    private int pollErrors;

    PollPacing(PollPolicy policy, long delayMillis, long nextPollAtMillis, String lastStatus, int pollErrors) {
        this.policy = policy;
        this.delayMillis = delayMillis;
        this.nextPollAtMillis = nextPollAtMillis;
        this.lastStatus = lastStatus;
        this.pollErrors = pollErrors;
    }

    /** Tracking starts: the first poll comes after the policy's minimum. */
    void start() {
        delayMillis = policy.first();
    }

    /**
     * A poll failed.
     *
     * @return how many polls failed in a row; the budget is spent at {@link #MAX_POLL_ERRORS}
     */
    synchronized int failed() {
        pollErrors++;
        delayMillis = policy.next(Math.max(delayMillis, 1), false);
        return pollErrors;
    }

    /**
     * A poll answered with {@code status}; the next one comes after the engine's {@code hintMillis} (kept within
     * the policy) or, without a hint, the policy's backoff, back to its minimum when the status changed.
     *
     * @return whether the status changed since the last poll
     */
    synchronized boolean answered(String status, long hintMillis) {
        pollErrors = 0;
        boolean changed = !Objects.equals(status, lastStatus);
        lastStatus = status;
        delayMillis = hintMillis > 0 ? policy.clamp(hintMillis) : policy.next(delayMillis, changed);
        return changed;
    }

    /** The delay until the next poll, with jitter; remembered for the step's status. */
    long arm() {
        long jittered = policy.jitter(delayMillis);
        nextPollAtMillis = System.currentTimeMillis() + jittered;
        return jittered;
    }

    long delayMillis() {
        return delayMillis;
    }

    long nextPollAtMillis() {
        return nextPollAtMillis;
    }

    String lastStatus() {
        return lastStatus;
    }

    synchronized int pollErrors() {
        return pollErrors;
    }
}
