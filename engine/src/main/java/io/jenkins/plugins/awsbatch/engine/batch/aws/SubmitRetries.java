package io.jenkins.plugins.awsbatch.engine.batch.aws;

import io.jenkins.plugins.awsbatch.engine.batch.TokenBucket;
import java.time.Duration;

/**
 * How {@link AwsBatchService} retries SubmitJob itself (the SDK must not: a lost response would mean a second
 * job): attempts, and an exponential backoff from {@code base} capped at {@code max}, slept by {@code sleeper}.
 */
public record SubmitRetries(int attempts, Duration base, Duration max, TokenBucket.Sleeper sleeper) {
    public static SubmitRetries defaults() {
        return new SubmitRetries(8, Duration.ofMillis(500), Duration.ofSeconds(20), TokenBucket.Sleeper.THREAD);
    }

    Duration delayBefore(int attempt) {
        long millis = base.toMillis() << Math.min(attempt - 1, 16);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
