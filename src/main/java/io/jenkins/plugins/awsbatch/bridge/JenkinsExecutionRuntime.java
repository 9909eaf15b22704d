package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.config.JenkinsProxy;
import io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings;
import io.jenkins.plugins.awsbatch.exec.ExecutionRuntime;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jenkins.util.Timer;

/**
 * Polls are timed on {@code jenkins.util.Timer}; the AWS calls themselves run on a small pool of daemon
 * threads of this plugin, so neither the CPS VM thread nor the shared timer threads block on the network.
 * When every pool thread is busy, further work waits in the pool's queue: it never runs on the thread that
 * handed it over (which is the CPS VM thread for {@code start()}, a timer thread for a poll).
 */
public final class JenkinsExecutionRuntime implements ExecutionRuntime {

    static final JenkinsExecutionRuntime INSTANCE = new JenkinsExecutionRuntime();

    private static final int THREADS = 32;

    private static final ThreadPoolExecutor POOL = pool();

    private static ThreadPoolExecutor pool() {
        // core == max with an unbounded queue: up to THREADS threads, then queueing (never CallerRunsPolicy,
        // which would run AWS calls on the caller); idle threads end after a minute
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new Named());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private JenkinsExecutionRuntime() {}

    @Override
    public Future<?> schedule(Runnable task, long delayMillis) {
        return Timer.get().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public Future<?> execute(Runnable task) {
        return POOL.submit(task);
    }

    /** Manage Jenkins » System » HTTP Proxy Configuration, read when a driver opens (so changes apply). */
    @Override
    public ProxySettings proxy() {
        return JenkinsProxy.current();
    }

    private static final class Named implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "aws-batch-graph-" + n.incrementAndGet());
            t.setDaemon(true);
            // not the creator's: the CPS VM thread's is the build's script class loader, which a pooled
            // thread would keep alive long after the build
            t.setContextClassLoader(JenkinsExecutionRuntime.class.getClassLoader());
            return t;
        }
    }
}
