package io.jenkins.plugins.awsbatch.engine.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.graph.GraphError;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.lock.RunLock;
import io.jenkins.plugins.awsbatch.engine.run.GraphRunner;
import io.jenkins.plugins.awsbatch.engine.run.RunCleaner;
import io.jenkins.plugins.awsbatch.engine.run.ValidatedExtension;
import io.jenkins.plugins.awsbatch.engine.run.ValidatedRun;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.submit.JobNames;
import io.jenkins.plugins.awsbatch.engine.run.wiring.LazyStores;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way a host (the CLI, a Jenkins step) drives runs: start a graph, plan one, extend a run, resume,
 * abort, clean up, read a run's state. Every entry point that writes works in the same order: the input is
 * validated (nothing exists yet), then the run's lock is taken, then the engine is opened (the local engine keeps
 * its job table in the run's folder), and only then is anything written. Hosts never write a run's journal.
 */
public final class GraphHost {
    private final EngineAccess access;
    private final RunListener listener;
    private final String owner;
    private final ObjectMapper json = Json.mapper();
    private final Clock clock = Clock.systemUTC();

    /**
     * @param owner how the run's lock names this host to another writer (e.g. {@code batchgraph run})
     */
    public GraphHost(EngineAccess access, RunListener listener, String owner) {
        this.access = access;
        this.listener = listener;
        this.owner = owner;
    }

    /** A new run id for a graph of this name (the run-id rule of {@code batchgraph run}). */
    public static String newRunId(String graphName) {
        return JobNames.newRunId(graphName, Clock.systemUTC().instant());
    }

    /** A new run of {@code graph} (validated here, items and counts included); its first jobs are submitted by {@link HostedRun#step()}. */
    public HostedRun start(GraphSpec graph, Path baseDir, String runId) {
        return closingStoresOnFailure(stores -> {
            ValidatedRun checked = ValidatedRun.check(graph, baseDir, runId, stores, json, clock);
            return locked(
                    stores,
                    checked.graph(),
                    checked.runId(),
                    baseDir,
                    (services, lock) -> GraphRunner.start(services, checked, lock));
        });
    }

    /**
     * Planning alone: the items and manifest written and a run journaled with no stages, to be {@link #extend
     * extended}. A run of {@code runId} planned already is returned as it is.
     */
    public RunState plan(GraphSpec graph, Path baseDir, String runId) {
        try (LazyStores stores = access.stores()) {
            if (runId != null) {
                Optional<RunState> done = load(stores, canonical(graph.storeOrDefault()), runId);
                if (done.isPresent() && done.get().itemCount >= 0) {
                    return done.get();
                }
            }
            ValidatedRun checked = ValidatedRun.checkPlan(graph, baseDir, runId, stores, json, clock);
            GraphSpec planned = checked.graph();
            RunLayout layout = new RunLayout(canonical(planned.storeOrDefault()), checked.runId());
            try (RunLock lock = lock(stores, layout);
                    RunEngine engine = access.open(planned, checked.runId(), baseDir)) {
                return GraphRunner.plan(engine.services().withListener(listener), checked, lock);
            }
        }
    }

    /**
     * Adds the stages {@code request} makes from the run's state (a fan-out, an aggregate, a cleanup job) and
     * returns the whole run, its new stages about to be submitted. Errors name the caller's own arguments. A run
     * that has those stages already (the caller was interrupted after adding them) is resumed instead.
     */
    public HostedRun extend(String storeUri, String runId, Function<RunState, Extension> request) {
        return closingStoresOnFailure(stores -> {
            RunState prior = require(stores, storeUri, runId);
            Extension extension = request.apply(prior);
            ValidatedExtension checked = extension.isIn(prior) ? null : extension.check(prior);
            GraphSpec combined = checked != null ? checked.combined() : prior.graph;
            return locked(
                    stores,
                    combined.withEngine(prior.engine).withStore(prior.storeUri),
                    runId,
                    baseDirOf(prior),
                    (services, lock) -> {
                        RunState current = require(stores, storeUri, runId); // as the last writer left it
                        if (extension.isIn(current)) {
                            return GraphRunner.resume(services, current, lock);
                        }
                        try {
                            ValidatedExtension now = checked != null ? checked : extension.check(current);
                            return GraphRunner.extend(services, current, now, lock);
                        } catch (GraphValidationException e) {
                            throw extension.relative(e, current.graph.stages().size());
                        }
                    });
        });
    }

    /** Re-attaches to a journaled run: tracks what was submitted, submits what was not, never twice. */
    public HostedRun resume(String storeUri, String runId) {
        return reattach(storeUri, runId, state -> {}, GraphRunner::resume);
    }

    /**
     * A finished run's failed items (and the items of later stages that depend on them) run again as a new retry
     * round of the same run. Refused with {@link RerunRefusedException} (nothing submitted) when the run has not
     * finished, was aborted or cleaned up, or has no failed items: checked before the lock and again under it.
     */
    public HostedRun rerunFailed(String storeUri, String runId) {
        return reattach(storeUri, runId, GraphHost::refuseRerun, GraphRunner::rerunFailed);
    }

    /** Starts a runner over a run's state as read under its lock. */
    private interface RunnerStart {
        GraphRunner start(RunServices services, RunState state, RunLock lock);
    }

    /**
     * A journaled run under its lock, its engine open: {@code check} refuses the run as found and again as the last
     * writer left it (read under the lock), before {@code begin} makes its runner.
     */
    private HostedRun reattach(String storeUri, String runId, Consumer<RunState> check, RunnerStart begin) {
        return closingStoresOnFailure(stores -> {
            RunState found = require(stores, storeUri, runId);
            check.accept(found);
            GraphSpec graph = found.graph.withEngine(found.engine).withStore(found.storeUri);
            return locked(stores, graph, runId, baseDirOf(found), (services, lock) -> {
                RunState current = require(stores, storeUri, runId);
                check.accept(current);
                return begin.start(services, current, lock);
            });
        });
    }

    /** {@code open} with the host's stores; they are closed here if it fails, else by the {@link HostedRun}. */
    private HostedRun closingStoresOnFailure(Function<LazyStores, HostedRun> open) {
        LazyStores stores = access.stores();
        try {
            return open.apply(stores);
        } catch (RuntimeException e) {
            stores.close();
            throw e;
        }
    }

    private static void refuseRerun(RunState state) {
        GraphRunner.rerunRefusal(state).ifPresent(why -> {
            throw new RerunRefusedException(why);
        });
    }

    /**
     * Deletes the run's transient data (items, array outputs) under its lock and journals what was done in
     * {@link RunState#cleanup}; returns the run as saved.
     */
    public RunState cleanup(String storeUri, String runId) {
        try (LazyStores stores = access.stores();
                RunLock lock = lock(stores, new RunLayout(storeUri, runId))) {
            RunState state = require(stores, storeUri, runId);
            state.cleanup = new RunCleaner(stores).clean(state);
            new RunJournal(stores.forUri(state.storeUri), json, lock).save(state);
            return state;
        }
    }

    /** The run's state as its journal ({@code state.json} in its store) has it. */
    public Optional<RunState> load(String storeUri, String runId) {
        try (LazyStores stores = access.stores()) {
            return load(stores, storeUri, runId);
        }
    }

    private HostedRun locked(
            LazyStores stores,
            GraphSpec graph,
            String runId,
            Path baseDir,
            BiFunction<RunServices, RunLock, GraphRunner> begin) {
        RunLock lock = lock(stores, new RunLayout(canonical(graph.storeOrDefault()), runId));
        RunEngine engine = null;
        try {
            engine = access.open(graph, runId, baseDir);
            GraphRunner runner = begin.apply(engine.services().withListener(listener), lock);
            return new HostedRun(runner, engine, lock, stores);
        } catch (RuntimeException e) {
            lock.close();
            if (engine != null) {
                engine.close();
            }
            throw e;
        }
    }

    private RunLock lock(StoreResolver stores, RunLayout layout) {
        return RunLock.acquire(stores.forUri(layout.storeUri()), layout, owner, listener::message);
    }

    private RunState require(StoreResolver stores, String storeUri, String runId) {
        return load(stores, storeUri, runId)
                .orElseThrow(() -> new GraphValidationException(new GraphError(
                        "runId",
                        "run " + runId + " has no state at " + new RunLayout(storeUri, runId).stateUri(),
                        "pass the run id and store of a run that was planned or started")));
    }

    private Optional<RunState> load(StoreResolver stores, String storeUri, String runId) {
        return new RunJournal(stores.forUri(storeUri), json).load(new RunLayout(storeUri, runId));
    }

    private static Path baseDirOf(RunState state) {
        return state.baseDir == null ? null : Path.of(state.baseDir);
    }

    /** Jobs run elsewhere (another folder, another machine): a local store becomes an absolute URI. */
    static String canonical(String store) {
        return store.startsWith("file:") ? LocalObjectStore.canonical(store) : store;
    }
}
