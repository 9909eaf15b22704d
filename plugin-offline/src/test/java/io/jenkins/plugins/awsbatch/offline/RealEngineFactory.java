package io.jenkins.plugins.awsbatch.offline;

import io.jenkins.plugins.awsbatch.bridge.EngineDriverFactory;
import io.jenkins.plugins.awsbatch.bridge.FailureEvents;
import io.jenkins.plugins.awsbatch.exec.DriverContext;
import io.jenkins.plugins.awsbatch.exec.DriverFactory;
import io.jenkins.plugins.awsbatch.exec.ExecutionRuntime;
import io.jenkins.plugins.awsbatch.exec.GraphDriver;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The production driver (the real engine behind {@code EngineDriverFactory}) on real threads: a scheduler
 * stands in for {@code jenkins.util.Timer}, a pool for the plugin's background pool. Found again by key after
 * a serialisation round trip ("restart"), when a new runtime replaces the old one.
 */
public final class RealEngineFactory implements DriverFactory {
    private static final long serialVersionUID = 1L;
    private static final Map<String, ThreadedRuntime> RUNTIMES = new ConcurrentHashMap<>();
    /** The global option "failure events" as a test sets it (off unless set); no Jenkins to read it from here. */
    private static final Map<String, FailureEvents> FAILURE_EVENTS = new ConcurrentHashMap<>();

    private final String key;

    public RealEngineFactory(String key) {
        this.key = key;
        RUNTIMES.computeIfAbsent(key, k -> new ThreadedRuntime());
    }

    @Override
    public GraphDriver open(GraphRequest request, DriverContext context) throws Exception {
        return EngineDriverFactory.INSTANCE.open(request, context, FAILURE_EVENTS.getOrDefault(key, FailureEvents.OFF));
    }

    @Override
    public ExecutionRuntime runtime() {
        return RUNTIMES.computeIfAbsent(key, k -> new ThreadedRuntime());
    }

    /** The drivers of {@code key} set up failure events with {@code events} (the global option turned on). */
    public static void failureEvents(String key, FailureEvents events) {
        FAILURE_EVENTS.put(key, events);
    }

    /** Drops the runtime of {@code key} and everything queued on it, as a JVM restart would. */
    public static void restart(String key) throws InterruptedException {
        ThreadedRuntime old = RUNTIMES.remove(key);
        if (old != null) {
            old.shutdown();
        }
    }

    public static void shutdown(String key) throws InterruptedException {
        FAILURE_EVENTS.remove(key);
        restart(key);
    }

    /** Sets what the runtime of {@code key} answers as Jenkins' proxy. */
    public static void proxy(String key, io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings proxy) {
        RUNTIMES.computeIfAbsent(key, k -> new ThreadedRuntime()).proxy = proxy;
    }

    public static final class ThreadedRuntime implements ExecutionRuntime {
        public volatile io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings proxy;

        @Override
        public io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings proxy() {
            return proxy;
        }

        private final ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "timer"));
        private final ExecutorService pool = Executors.newCachedThreadPool(r -> daemon(r, "pool"));

        private static Thread daemon(Runnable r, String name) {
            Thread t = new Thread(r, "test-" + name);
            t.setDaemon(true);
            return t;
        }

        @Override
        public Future<?> schedule(Runnable task, long delayMillis) {
            return timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public Future<?> execute(Runnable task) {
            return pool.submit(task);
        }

        public void shutdown() throws InterruptedException {
            timer.shutdownNow();
            pool.shutdownNow();
            timer.awaitTermination(10, TimeUnit.SECONDS);
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
