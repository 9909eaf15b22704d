package io.jenkins.plugins.awsbatch.exec;

import java.io.Serializable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Poll pacing: start at {@code minMillis}, grow by {@code factor} while nothing changes, cap at
 * {@code maxMillis}, come back to the minimum when progress moves; ±10 % jitter so many builds do not poll in
 * step. Also bounds how long {@code stop()} waits for termination before giving up.
 */
public final class PollPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final PollPolicy DEFAULT = new PollPolicy(5_000, 60_000, 1.5, 60_000);

    private final long minMillis;
    private final long maxMillis;
    private final double factor;
    private final long stopTimeoutMillis;

    public PollPolicy(long minMillis, long maxMillis, double factor, long stopTimeoutMillis) {
        if (minMillis < 0 || maxMillis < minMillis || factor < 1.0 || stopTimeoutMillis < 0) {
            throw new IllegalArgumentException("poll policy: need 0 <= min <= max, factor >= 1, stop timeout >= 0");
        }
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        this.factor = factor;
        this.stopTimeoutMillis = stopTimeoutMillis;
    }

    public long first() {
        return minMillis;
    }

    /** The next delay after {@code previous}; back to the minimum when something changed. */
    public long next(long previous, boolean changed) {
        if (changed) {
            return minMillis;
        }
        return Math.min(maxMillis, Math.max(minMillis, (long) Math.ceil(previous * factor)));
    }

    /** {@code delay} with ±10 % jitter (none for a zero delay). */
    public long jitter(long delay) {
        if (delay <= 0) {
            return 0;
        }
        long spread = delay / 10;
        return spread == 0
                ? delay
                : delay - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1);
    }

    /** {@code hint} kept within this policy's bounds. */
    public long clamp(long hint) {
        return Math.min(maxMillis, Math.max(minMillis, hint));
    }

    public long getStopTimeoutMillis() {
        return stopTimeoutMillis;
    }

    public long getMaxMillis() {
        return maxMillis;
    }
}
