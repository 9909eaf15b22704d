package io.jenkins.plugins.awsbatch.offline;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A step context whose state lives in a registry by key, so that a serialised execution, once read back
 * ("after a restart"), finds a fresh state for the same key: a new console, the same build.
 */
public final class FakeContext extends StepContext {
    private static final long serialVersionUID = 1L;
    private static final Map<String, State> STATES = new ConcurrentHashMap<>();

    /** What the context offers and what it was told. */
    public static final class State {
        public final FakeRun run;
        public final FakeListener listener = new FakeListener();
        public final FakeFlowNode node = new FakeFlowNode();
        public final EnvVars env = new EnvVars();
        public final AtomicInteger saves = new AtomicInteger();
        public volatile Object success;
        public volatile Throwable failure;
        public final AtomicInteger completions = new AtomicInteger();
        public volatile Runnable onSave;

        public State(FakeRun run) {
            this.run = run;
        }

        public boolean done() {
            return completions.get() > 0;
        }
    }

    private final String key;

    public FakeContext(String key, FakeRun run) {
        this.key = key;
        STATES.put(key, new State(run));
    }

    public State state() {
        return STATES.get(key);
    }

    /** Simulates a restart: same build, new console and flags. */
    public static State restart(String key) {
        State old = STATES.get(key);
        State fresh = new State(old.run);
        STATES.put(key, fresh);
        return fresh;
    }

    @Override
    public <T> T get(Class<T> type) {
        State s = state();
        if (type == Run.class) {
            return type.cast(s.run);
        }
        if (type == TaskListener.class) {
            return type.cast(s.listener);
        }
        if (type == FlowNode.class) {
            return type.cast(s.node);
        }
        if (type == EnvVars.class) {
            return type.cast(s.env);
        }
        return null;
    }

    @Override
    public void onSuccess(Object result) {
        State s = state();
        s.success = result;
        s.completions.incrementAndGet();
    }

    @Override
    public void onFailure(Throwable t) {
        State s = state();
        s.failure = t;
        s.completions.incrementAndGet();
    }

    @Override
    public ListenableFuture<Void> saveState() {
        State s = state();
        s.saves.incrementAndGet();
        Runnable hook = s.onSave;
        if (hook != null) {
            hook.run();
        }
        return Futures.immediateFuture(null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FakeContext && ((FakeContext) o).key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }
}
