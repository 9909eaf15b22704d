package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.exec.ExecutionRuntime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jenkins.util.Timer;

/**
 * Polls are timed on {@code jenkins.util.Timer}; the AWS calls themselves run on a small pool of daemon
 * threads of this plugin, so neither the CPS VM thread nor the shared timer threads block on the network.
 */
public final class JenkinsExecutionRuntime implements ExecutionRuntime {

    static final JenkinsExecutionRuntime INSTANCE = new JenkinsExecutionRuntime();

    private static final ExecutorService POOL = new ThreadPoolExecutor(
            0,
            32,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            new Named(),
            new ThreadPoolExecutor.CallerRunsPolicy());

    private JenkinsExecutionRuntime() {}

    @Override
    public Future<?> schedule(Runnable task, long delayMillis) {
        return Timer.get().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public Future<?> execute(Runnable task) {
        return POOL.submit(task);
    }

    private static final class Named implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "aws-batch-graph-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
