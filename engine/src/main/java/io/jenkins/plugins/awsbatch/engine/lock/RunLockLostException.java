package io.jenkins.plugins.awsbatch.engine.lock;

/** This process held the run's lock and lost it (another writer took it over): it must stop writing the run. */
public final class RunLockLostException extends IllegalStateException {
    RunLockLostException(String message) {
        super(message);
    }
}
