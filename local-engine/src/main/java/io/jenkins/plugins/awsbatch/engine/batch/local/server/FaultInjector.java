package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import java.time.Duration;
import java.util.Random;

/**
 * Adds the configured latency to every call and picks, with a seeded random sequence, which calls are answered
 * with HTTP 429 instead of being served. Thread-safe.
 */
final class FaultInjector {
    private final Duration latency;
    private final double failRate;
    private final Random random;

    FaultInjector(Duration latency, double failRate, long seed) {
        this.latency = latency;
        this.failRate = failRate;
        this.random = new Random(seed);
    }

    /** Sleeps the latency, then throws the 429 {@link ApiException} if this call is one to fail. */
    void apply() {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApiException.server("Interrupted.");
            }
        }
        if (failRate > 0 && nextFails()) {
            throw ApiException.throttled();
        }
    }

    private synchronized boolean nextFails() {
        return random.nextDouble() < failRate;
    }
}
