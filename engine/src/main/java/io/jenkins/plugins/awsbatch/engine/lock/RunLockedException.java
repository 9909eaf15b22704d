package io.jenkins.plugins.awsbatch.engine.lock;

/** Another live process holds the run's lock: this one must not write the run. The message names the owner and the way out. */
public final class RunLockedException extends RuntimeException {
    private final transient LockOwner owner;

    RunLockedException(String runId, LockOwner owner) {
        super(message(runId, owner));
        this.owner = owner;
    }

    /** The holder, or null when its record could not be read yet. */
    public LockOwner owner() {
        return owner;
    }

    private static String message(String runId, LockOwner owner) {
        String who = owner == null ? "another process (its lock record is being written)" : owner.describe();
        String takeover = owner == null
                ? "if it is gone, the next command takes the lock over"
                : "if that process is gone, the next command takes the lock over (at once on " + owner.host()
                        + "; from another host once its lease expires at " + owner.expiresAt() + ")";
        return "run " + runId + " is in use by " + who + ": only one process at a time may run, resume or clean up"
                + " a run. Wait for it to end (`batchgraph status " + runId + "` shows its progress) or stop it; "
                + takeover;
    }
}
