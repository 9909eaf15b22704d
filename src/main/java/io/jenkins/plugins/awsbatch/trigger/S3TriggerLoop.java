package io.jenkins.plugins.awsbatch.trigger;

import io.jenkins.plugins.awsbatch.engine.trigger.ObjectHandler;
import io.jenkins.plugins.awsbatch.engine.trigger.S3EventWatcher;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The trigger's background thread: opens the SQS client, long-polls through {@link S3EventWatcher#watch} until
 * {@link #stop()}, and closes the client. Holds no executor and no Jenkins lock. SQS failures inside a watch are
 * retried by the watcher; failures to open the client (bad region, credentials gone) are logged and retried
 * here with a bounded backoff. Jenkins-free, so it is tested without Jenkins.
 * <p>
 * {@link #stop()} never interrupts the thread: an interrupt landing between "build queued" and "object
 * remembered, message deleted" would break that bookkeeping (an interrupted file write fails, the message
 * stays) and the redelivered message would start a second build. The waits of the loop and of the watcher's
 * backoff end at once on stop; a receive in flight ends within its long poll (at most 20 s).
 */
public final class S3TriggerLoop {
    static final Duration MIN_RETRY = Duration.ofSeconds(10);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);
    /** How often a paused loop (disabled job) looks whether it may poll again. */
    static final Duration PAUSED_CHECK = Duration.ofSeconds(15);

    private final String name;
    private final Callable<Connection> sqsFactory;
    private final Function<SqsClient, S3EventWatcher> watcherFactory;
    private final ObjectHandler handler;
    private final Consumer<String> log;
    private volatile boolean stopped;
    private volatile Thread thread;
    private volatile Connection sqs;
    private final Object wakeUp = new Object();
    private volatile BooleanSupplier paused = () -> false;
    private boolean recheck; // guarded by wakeUp

    /** An SQS client and what to close with it (the client set it belongs to). */
    public record Connection(SqsClient sqs, AutoCloseable resources) {
        public static Connection of(SqsClient sqs) {
            return new Connection(sqs, sqs);
        }
    }

    public S3TriggerLoop(
            String name,
            Callable<Connection> sqsFactory,
            Function<SqsClient, S3EventWatcher> watcherFactory,
            ObjectHandler handler,
            Consumer<String> log) {
        this.name = name;
        this.sqsFactory = sqsFactory;
        this.watcherFactory = watcherFactory;
        this.handler = handler;
        this.log = log == null ? line -> {} : log;
    }

    /**
     * While {@code paused} says so (the job is disabled) nothing is received: the messages wait in the queue
     * instead of being received, refused and redelivered again and again.
     */
    public S3TriggerLoop pausedWhile(BooleanSupplier paused) {
        this.paused = paused == null ? () -> false : paused;
        return this;
    }

    /** Looks again at once whether the loop is paused (instead of within {@link #PAUSED_CHECK}). */
    public void recheck() {
        synchronized (wakeUp) {
            recheck = true;
            wakeUp.notifyAll();
        }
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        Thread t = new Thread(this::run, name);
        t.setDaemon(true);
        // not the starter's: a trigger set by a Pipeline (properties, triggers {}) starts on the CPS VM thread,
        // whose context class loader is the build's script class loader, kept alive as long as this thread
        t.setContextClassLoader(S3TriggerLoop.class.getClassLoader());
        thread = t;
        t.start();
    }

    /**
     * Ends the loop without waiting for it: the receive in flight and the messages it returned are finished
     * (so every build handed to Jenkins is remembered and its message deleted), then the thread ends; waits end
     * at once. Never interrupts the thread. Idempotent.
     */
    public void stop() {
        stopped = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    /** Waits {@code duration}, or less when {@link #stop()} is called. */
    private void pause(Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        synchronized (wakeUp) {
            while (!stopped) {
                if (recheck) {
                    recheck = false;
                    return;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(wakeUp, left);
            }
        }
    }

    public boolean isStopped() {
        return stopped;
    }

    /** Waits for the thread to end (tests, and orderly shutdown). */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        Thread t = thread;
        if (t == null) {
            return true;
        }
        t.join(Math.max(1, timeout.toMillis()));
        return !t.isAlive();
    }

    private void run() {
        Duration retry = MIN_RETRY;
        boolean announcedPause = false;
        while (!stopped) {
            if (isPaused()) {
                if (!announcedPause) {
                    log.accept("paused: the job is disabled; messages stay in the queue");
                    announcedPause = true;
                }
                try {
                    pause(PAUSED_CHECK);
                } catch (InterruptedException e) {
                    // only stop() ends the loop
                }
                continue;
            }
            if (announcedPause) {
                log.accept("resumed: the job is enabled again");
                announcedPause = false;
            }
            try {
                sqs = sqsFactory.call();
                S3EventWatcher watcher = watcherFactory.apply(sqs.sqs()).sleeper(this::pause);
                retry = MIN_RETRY;
                watcher.watch(handler, 0, () -> stopped || isPaused());
                if (!stopped) {
                    continue; // paused: the client is closed (finally) and the loop waits above
                }
            } catch (Exception | LinkageError e) {
                if (stopped) {
                    break;
                }
                // the message of an SDK or configuration error names the queue or the region, not a credential
                log.accept("cannot poll (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); retrying in "
                        + retry.toSeconds() + " s");
            } finally {
                closeClient();
            }
            if (stopped) {
                break;
            }
            try {
                pause(retry);
            } catch (InterruptedException e) {
                if (stopped) {
                    break;
                }
            }
            retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
        }
        log.accept("stopped");
    }

    private boolean isPaused() {
        try {
            return paused.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void closeClient() {
        Connection c = sqs;
        sqs = null;
        if (c != null && c.resources() != null) {
            try {
                c.resources().close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
    }
}
