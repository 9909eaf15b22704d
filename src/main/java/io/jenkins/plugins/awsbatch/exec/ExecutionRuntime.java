package io.jenkins.plugins.awsbatch.exec;

import io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings;
import java.util.concurrent.Future;

/**
 * Where an execution's work runs: {@link #schedule} for timed polls (on Jenkins, {@code jenkins.util.Timer}),
 * {@link #execute} for AWS calls (a background pool, never the CPS VM thread). Replaceable in tests.
 */
public interface ExecutionRuntime {
    Future<?> schedule(Runnable task, long delayMillis);

    Future<?> execute(Runnable task);

    /** The HTTP proxy an administrator configured for the host (Jenkins' proxy), or null for none. */
    default ProxySettings proxy() {
        return null;
    }
}
