package io.jenkins.plugins.awsbatch.engine.batch;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Paces calls to at most {@code permitsPerSecond} on average, allowing bursts of up to {@code burst} calls.
 * One bucket per run (and per API with its own limit), shared by every thread that calls that API. Waiting
 * happens outside the lock, so callers queue fairly by reservation order. The clock and the sleeper are
 * injected so tests never wait.
 */
public final class TokenBucket {

    /** Sleeps for a number of nanoseconds; tests record instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;

        Sleeper THREAD = nanos -> TimeUnit.NANOSECONDS.sleep(nanos);
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double permitsPerSecond;
    private final double capacity;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private double tokens;
    private long last;
    private long waitedNanos;

    public TokenBucket(double permitsPerSecond, int burst) {
        this(permitsPerSecond, burst, System::nanoTime, Sleeper.THREAD);
    }

    public TokenBucket(double permitsPerSecond, int burst, LongSupplier nanoClock, Sleeper sleeper) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("permits per second must be a positive number, was " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
        this.permitsPerSecond = permitsPerSecond;
        this.capacity = burst;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** A bucket that never waits, for tests and for callers paced elsewhere. */
    public static TokenBucket unlimited() {
        return new TokenBucket(1e9, Integer.MAX_VALUE, () -> 0L, nanos -> {});
    }

    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    /** Takes one permit, waiting as long as needed. */
    public void acquire() {
        long wait = reserve();
        if (wait > 0) {
            try {
                sleeper.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing AWS calls", e);
            }
        }
    }

    /** Total time callers were told to wait, in nanoseconds: how much the pacing slowed the run. */
    public synchronized long waitedNanos() {
        return waitedNanos;
    }

    private synchronized long reserve() {
        long now = nanoClock.getAsLong();
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * permitsPerSecond / NANOS_PER_SECOND);
            last = now;
        }
        tokens -= 1;
        if (tokens >= 0) {
            return 0;
        }
        long wait = (long) Math.ceil(-tokens * NANOS_PER_SECOND / permitsPerSecond);
        waitedNanos += wait;
        return wait;
    }
}
