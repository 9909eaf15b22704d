package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.lock.RunLock;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;

/**
 * The lock a command that writes a run takes before anything else (before the local engine reopens the run's
 * job table): a second writer stops with exit 2 naming the owner ({@link BatchGraphCli}).
 */
final class RunLocks {
    private RunLocks() {
    }

    static RunLock take(StoreResolver stores, RunLayout layout, String command) {
        return RunLock.acquire(stores.forUri(layout.storeUri()), layout, "batchgraph " + command, System.err::println);
    }
}
