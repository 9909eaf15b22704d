package io.jenkins.plugins.awsbatch.engine.run.state;

/** {@code state.json} changed since this process read it: another writer is at work, so this one must stop. */
public final class RunStateConflictException extends IllegalStateException {
    RunStateConflictException(String message) {
        super(message);
    }
}
