package io.jenkins.plugins.awsbatch.engine.track;

import java.time.Duration;

/** Waits between polls; injected so tracking is testable without waiting. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return d -> Thread.sleep(Math.max(0, d.toMillis()));
    }
}
