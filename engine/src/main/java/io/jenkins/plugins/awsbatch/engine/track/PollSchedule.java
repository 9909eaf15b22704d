package io.jenkins.plugins.awsbatch.engine.track;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Poll intervals that double while nothing changes, up to a ceiling, and drop back to the floor on change,
 * with ±20% jitter so many runs do not poll in step. AWS: 5 s → 60 s; local engine: 200 ms → 2 s.
 */
public final class PollSchedule {
    private final Duration min;
    private final Duration max;
    private final DoubleSupplier random;
    private Duration current;

    public PollSchedule(Duration min, Duration max, DoubleSupplier random) {
        this.min = min;
        this.max = max;
        this.random = random;
        this.current = min;
    }

    public static PollSchedule forAws() {
        return new PollSchedule(Duration.ofSeconds(5), Duration.ofSeconds(60), Math::random);
    }

    public static PollSchedule forLocal() {
        return new PollSchedule(Duration.ofMillis(200), Duration.ofSeconds(2), Math::random);
    }

    /** The wait before the next poll, given whether the last poll saw any change. */
    public Duration next(boolean changed) {
        current = changed ? min : min(current.multipliedBy(2), max);
        double factor = 0.8 + 0.4 * random.getAsDouble();
        return Duration.ofMillis(Math.max(1, (long) (current.toMillis() * factor)));
    }

    /** Throttled by the service: jump to the ceiling. */
    public Duration throttled() {
        current = max;
        return max;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
