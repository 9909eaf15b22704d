package io.jenkins.plugins.awsbatch.exec;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A step's open driver and the lock its AWS calls take turns on (submit, poll, terminate). Never saved with the
 * execution: after a restart the driver is opened again from the saved request.
 */
final class DriverHandle {
    private static final Logger LOGGER = Logger.getLogger(DriverHandle.class.getName());

    private final ReentrantLock lock = new ReentrantLock();
    private GraphDriver driver;

    ReentrantLock lock() {
        return lock;
    }

    /** The open driver, opened by {@code open} on first use (or first use after {@link #close()}). */
    synchronized GraphDriver get(Callable<GraphDriver> open) throws Exception {
        if (driver == null) {
            driver = open.call();
        }
        return driver;
    }

    void close() {
        GraphDriver d;
        synchronized (this) {
            d = driver;
            driver = null;
        }
        if (d != null) {
            try {
                d.close();
            } catch (RuntimeException e) {
                LOGGER.log(Level.FINE, "close failed", e);
            }
        }
    }
}
