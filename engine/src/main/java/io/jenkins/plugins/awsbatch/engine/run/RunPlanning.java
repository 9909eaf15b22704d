package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.batch.aws.ServiceEndpoints;
import io.jenkins.plugins.awsbatch.engine.graph.ExecutionModes;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.plan.Chunker;
import io.jenkins.plugins.awsbatch.engine.plan.ItemDestination;
import io.jenkins.plugins.awsbatch.engine.plan.ItemSource;
import io.jenkins.plugins.awsbatch.engine.plan.Plan;
import io.jenkins.plugins.awsbatch.engine.plan.Planner;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.store.DynamoDbObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * A new run on its store: its state journaled before planning (item count -1, so a run killed while planning is
 * planned again by resume or removed by cleanup), then its items and manifest written; again, identically, when
 * resume finds a run interrupted while planning.
 */
final class RunPlanning {
    private RunPlanning() {}

    /** The state of a new run, journaled before its items exist; refused when the run id is taken. */
    static RunState journalNew(RunServices services, ValidatedRun run) {
        GraphSpec graph = run.graph();
        Path baseDir = run.baseDir();
        RunState state = new RunState();
        state.runId = run.runId();
        state.name = graph.name();
        state.engine = graph.engineOrDefault();
        state.storeUri = canonicalStore(graph);
        state.baseDir = baseDir == null ? null : baseDir.toAbsolutePath().toString();
        state.graph = graph;
        state.mode = ExecutionModes.describe(graph);
        state.startedAt = services.clock().millis();
        RunLayout layout = new RunLayout(state.storeUri, state.runId);
        state.runUri = layout.runUri();
        graph.stages().forEach(s -> state.stages.put(s.name(), new StageState()));
        state.region = services.batch().region();
        ServiceEndpoints endpoints = services.recordedEndpoints();
        state.endpointUrl = endpoints.common();
        state.serviceEndpoints = endpoints.services().isEmpty() ? null : new TreeMap<>(endpoints.services());
        RunJournal journal = new RunJournal(services.stores().forUri(state.storeUri), services.json());
        if (journal.load(layout).filter(existing -> existing.itemCount >= 0).isPresent()) {
            throw new IllegalStateException("run " + state.runId + " already exists: use resume, or another --run-id");
        }
        state.itemsUri = itemsUriOf(graph, layout);
        // Journaled before planning: a run killed while planning is found by resume (which plans again) and cleanup.
        journal.save(state);
        return state;
    }

    /** Writes the checked items of a new run and its manifest; sets the state's item count and layout. */
    static Plan writeItems(RunServices services, RunState state, ValidatedRun run) {
        GraphSpec graph = run.graph();
        Plan plan = planner(services)
                .write(
                        graph.name(),
                        run.items(),
                        graph.plan() == null || graph.plan().items() == null
                                ? null
                                : graph.plan().items().key(),
                        new RunLayout(state.storeUri, state.runId),
                        services.stores().forUri(state.storeUri),
                        itemDestination(services, state));
        state.itemCount = plan.itemCount();
        state.itemLayout = plan.itemLayout().id();
        return plan;
    }

    static void announce(RunServices services, RunState state, Plan plan) {
        services.listener()
                .message("run " + state.runId + ": " + plan.itemCount() + " item(s) in "
                        + plan.chunks().size() + " chunk(s), " + state.mode + " mode, data in " + state.runUri);
        if (plan.isEmpty()) {
            services.listener().message("the plan has no items: array stages are skipped");
        }
    }

    /** A run interrupted while planning (nothing was submitted): its items written again, as the run would have. */
    static void planAgain(RunServices services, RunState state) {
        ObjectStore store = services.stores().forUri(state.storeUri);
        GraphSpec graph = state.graph;
        Plan plan = planner(services)
                .plan(
                        graph.name(),
                        graph.plan() == null ? null : graph.plan().items(),
                        state.baseDir == null ? null : Path.of(state.baseDir),
                        new RunLayout(state.storeUri, state.runId),
                        store,
                        itemDestination(services, state));
        state.itemCount = plan.itemCount();
        state.itemLayout = plan.itemLayout().id();
        new RunJournal(store, services.json()).save(state);
        services.listener()
                .message("run " + state.runId + " was interrupted while planning: planned again, " + state.itemCount
                        + " item(s)");
    }

    /** Jobs run elsewhere (another folder, another machine): a local store becomes an absolute URI. */
    static String canonicalStore(GraphSpec graph) {
        return graph.storeOrDefault().startsWith("file:")
                ? LocalObjectStore.canonical(graph.storeOrDefault())
                : graph.storeOrDefault();
    }

    private static Planner planner(RunServices services) {
        return new Planner(
                new ItemSource(services.json(), services.stores()),
                services.json(),
                new Chunker(services.settings().maxArraySize()),
                services.clock());
    }

    private static ItemDestination itemDestination(RunServices services, RunState state) {
        return new ItemDestination(
                state.itemsUri,
                services.stores().forUri(state.itemsUri),
                state.graph.plan() == null ? null : state.graph.plan().itemLayout());
    }

    /** {@code plan.itemStore: dynamodb:TABLE} keeps the item records in DynamoDB, else under the run. */
    private static String itemsUriOf(GraphSpec graph, RunLayout layout) {
        String itemStore = graph.plan() == null ? null : graph.plan().itemStore();
        if (itemStore != null && itemStore.startsWith("dynamodb:")) {
            return DynamoDbObjectStore.itemsUri(itemStore.substring("dynamodb:".length()), layout.runId());
        }
        return layout.itemsUri();
    }
}
