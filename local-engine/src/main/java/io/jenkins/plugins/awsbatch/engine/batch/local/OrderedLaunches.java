package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Launches that must reach the launcher's queue in the order they were dispatched (the launcher starts what it
 * queued first first), run one at a time on a shared pool: the pool's threads would otherwise send a fresh array's
 * first children in any order, and child 5 could start before child 0.
 */
final class OrderedLaunches {
    private final Executor pool;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private boolean draining;

    OrderedLaunches(Executor pool) {
        this.pool = pool;
    }

    /** Runs {@code launch} after every launch given before it has run. */
    synchronized void execute(Runnable launch) {
        waiting.add(launch);
        if (!draining) {
            draining = true;
            pool.execute(this::drain);
        }
    }

    /** Nothing given is still to run: a launch sent directly now cannot overtake one. */
    synchronized boolean isIdle() {
        return !draining;
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // one launch failing must not hold back the ones after it (each reports its own failure)
                System.err.println("local batch: a launch failed: " + e);
            }
        }
    }
}
