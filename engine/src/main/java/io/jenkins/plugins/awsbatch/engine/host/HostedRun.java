package io.jenkins.plugins.awsbatch.engine.host;

import io.jenkins.plugins.awsbatch.engine.lock.RunLock;
import io.jenkins.plugins.awsbatch.engine.run.GraphRunner;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.LazyStores;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import java.time.Duration;

/**
 * A run a {@link GraphHost} started, extended or resumed: its runner, under the run's lock, on an open engine.
 * Closing it releases the lock and the engine (a run not ended goes on in Batch; resume finds it again).
 */
public final class HostedRun implements AutoCloseable {
    private final GraphRunner runner;
    private final RunEngine engine;
    private final RunLock lock;
    private final LazyStores stores;

    HostedRun(GraphRunner runner, RunEngine engine, RunLock lock, LazyStores stores) {
        this.runner = runner;
        this.engine = engine;
        this.lock = lock;
        this.stores = stores;
    }

    /** Submits what is released, polls, judges; true once the run has ended. */
    public boolean step() {
        return runner.step();
    }

    /** Steps until the run ends (the engine's backoff between polls). */
    public RunResult runToCompletion() {
        return runner.runToCompletion();
    }

    /** The engine's delay before the next {@link #step()}. */
    public Duration nextDelay() {
        return runner.nextDelay();
    }

    public boolean isFinished() {
        return runner.isFinished();
    }

    /** The run as last journaled in its store (read only). */
    public RunState state() {
        return runner.state();
    }

    public RunResult result() {
        return runner.result();
    }

    /** The open engine (notifications and reports of a host use its services). */
    public RunEngine engine() {
        return engine;
    }

    /** The runner itself, for hosts that wrap it (e.g. a signal handler that aborts it). */
    public GraphRunner runner() {
        return runner;
    }

    /** Stops the run (terminates its jobs, ends it ABORTED); returns how many jobs were still open. */
    public int abort(String reason) {
        int open = 0;
        for (StageState stage : runner.state().stages.values()) {
            if (!stage.status.isFinished()) {
                open += stage.jobs.size();
            }
        }
        runner.abort(reason);
        return open;
    }

    @Override
    public void close() {
        try {
            lock.close();
            engine.close();
        } finally {
            stores.close();
        }
    }
}
