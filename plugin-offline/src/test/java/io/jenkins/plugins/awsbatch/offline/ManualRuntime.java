package io.jenkins.plugins.awsbatch.offline;

import io.jenkins.plugins.awsbatch.exec.ExecutionRuntime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** Runs nothing until told: the test pumps background tasks and timed polls one by one, without waiting. */
public final class ManualRuntime implements ExecutionRuntime {
    private final Deque<Task> tasks = new ArrayDeque<>();
    private final Deque<Task> timed = new ArrayDeque<>();
    public final List<Long> delays = new ArrayList<>();
    /** What {@link #proxy()} answers: Jenkins' proxy configuration as the plugin reads it. */
    public volatile io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings proxy;

    @Override
    public io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings proxy() {
        return proxy;
    }

    private static final class Task {
        public final Runnable runnable;
        public final CompletableFuture<Void> future = new CompletableFuture<>();

        public Task(Runnable runnable) {
            this.runnable = runnable;
        }
    }

    @Override
    public synchronized Future<?> schedule(Runnable task, long delayMillis) {
        delays.add(delayMillis);
        Task t = new Task(task);
        timed.add(t);
        return t.future;
    }

    @Override
    public synchronized Future<?> execute(Runnable task) {
        return add(task);
    }

    private Future<?> add(Runnable r) {
        Task t = new Task(r);
        tasks.add(t);
        return t.future;
    }

    /** Runs queued tasks (and those they queue) until none is left or {@code max} ran; returns how many ran. */
    public int runAll(int max) {
        int n = 0;
        while (n < max) {
            Task t;
            synchronized (this) {
                t = tasks.poll();
                if (t == null) {
                    t = timed.poll();
                }
            }
            if (t == null) {
                break;
            }
            if (t.future.isCancelled()) {
                continue;
            }
            t.runnable.run();
            t.future.complete(null);
            n++;
        }
        return n;
    }

    public int runAll() {
        return runAll(10_000);
    }

    public synchronized int pending() {
        return (int) (tasks.stream().filter(t -> !t.future.isCancelled()).count()
                + timed.stream().filter(t -> !t.future.isCancelled()).count());
    }

    /** Forgets queued work, as a Jenkins restart would. */
    public synchronized void drop() {
        tasks.clear();
        timed.clear();
    }

    /** Runs the timed tasks before the immediate ones (a timer firing before a slow call returns). */
    public synchronized void timedFirst() {
        Deque<Task> all = new ArrayDeque<>(timed);
        all.addAll(tasks);
        tasks.clear();
        timed.clear();
        tasks.addAll(all);
    }
}
