package io.jenkins.plugins.awsbatch.exec;

import java.util.concurrent.Future;

/**
 * Where an execution's work runs: {@link #schedule} for timed polls (on Jenkins, {@code jenkins.util.Timer}),
 * {@link #execute} for AWS calls (a background pool, never the CPS VM thread). Replaceable in tests.
 */
public interface ExecutionRuntime {
    Future<?> schedule(Runnable task, long delayMillis);

    Future<?> execute(Runnable task);
}
