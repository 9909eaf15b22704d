package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.events.GraphEventRules;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphError;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidator;
import io.jenkins.plugins.awsbatch.engine.host.GraphFiles;
import io.jenkins.plugins.awsbatch.engine.host.GraphHost;
import io.jenkins.plugins.awsbatch.engine.host.HostedRun;
import io.jenkins.plugins.awsbatch.engine.run.ValidatedRun;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.submit.JobNames;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.LazyStores;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code batchgraph run FILE}: plan, fan out, track, aggregate and clean up, then report. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run a graph file (local engine by default) and wait for it to end.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the graph file, e.g. batchgraph.yaml")
    Path file;

    @Mixin
    EngineOptionsMixin engineOptions;

    @Option(names = "--run-id", description = "use this run id instead of a generated one")
    String runId;

    @Option(names = "--json", description = "print the result as one JSON object on stdout")
    boolean json;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a field, e.g. stages.score.timeout=600")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--store", description = "where runs keep their data (overrides the file's store)")
    String store;

    @Mixin
    ProgressOptions progressOptions = new ProgressOptions();

    @Override
    public Integer call() {
        GraphSpec graph = GraphLoader.load(file, overrides, engineOptions.engine, store);
        Path baseDir = file.toAbsolutePath().getParent();
        String id = runId != null
                ? runId
                : JobNames.newRunId(graph.name(), Clock.systemUTC().instant());
        return execute(graph, baseDir, id, engineOptions, json, progressOptions.printer());
    }

    /** Runs a loaded graph to its end and prints the result; also used by {@code watch}. */
    static int execute(GraphSpec graph, Path baseDir, String id, EngineOptionsMixin engineOptions, boolean json) {
        return execute(graph, baseDir, id, engineOptions, json, ProgressPrinter.forStderr(ProgressMode.AUTO));
    }

    /** Closes {@code progress} (its ticks) however the run ends, invalid input included. */
    static int execute(
            GraphSpec graph,
            Path baseDir,
            String id,
            EngineOptionsMixin engineOptions,
            boolean json,
            ProgressPrinter progress) {
        try (progress) {
            checkSettings(graph, id, engineOptions);
            EngineOptions options = engineOptions.toOptions().withEngine(graph.engineKind());
            AwsAccessCheck.require(options, graph.region());
            GraphHost host = CliHost.of(options, progress, "run", baseDir);
            // the host validates (items and counts too), then takes the run's lock, then opens the engine
            try (HostedRun run = host.start(graph, baseDir, id)) {
                GraphEventRules.ensureForRun(graph, run.engine(), progress);
                RunResult result = new AbortOnSignal(run.runner()).runAndReport(r -> {
                    new ResultPrinter(ResultStages.of(graph)).print(r, run.state(), json, System.out, System.err);
                    new RunNotifications(graph, progress, engineOptions).send(r);
                });
                return result.outcome().exitCode();
            }
        }
    }

    /**
     * Everything {@code validate} checks without an engine: the graph, the aws engine's settings, the items and
     * the counts they give ({@code run} has the host check the same before it locks the run).
     */
    static ValidatedRun checkBeforeCreating(GraphSpec graph, Path baseDir, EngineOptionsMixin engineOptions) {
        checkSettings(graph, null, engineOptions);
        EngineOptions options = engineOptions.toOptions();
        EngineOptions forItems = new EngineOptions(
                options.engine(),
                options.region() != null ? options.region() : graph.region(),
                options.endpointUrl(),
                options.profile(),
                options.credentials(),
                options.slots(),
                options.proxy(),
                options.serviceEndpoints());
        try (LazyStores stores = EngineFactory.stores(forItems)) {
            return ValidatedRun.check(graph, baseDir, null, stores, Json.mapper(), Clock.systemUTC());
        }
    }

    /** The command's own settings: slots, the aws engine's settings, and (given a run id) no journaled local run of that id. */
    private static void checkSettings(GraphSpec graph, String id, EngineOptionsMixin engineOptions) {
        EngineOptions options = engineOptions.toOptions();
        if (options.slots() != null && options.slots() < 1) {
            throw new GraphValidationException(new GraphError(
                    "--slots",
                    "slots must be at least 1, got " + options.slots(),
                    "give the number of jobs to run at once, e.g. --slots 4"));
        }
        if (graph.engineKind() == EngineKind.AWS) {
            EngineFactory.checkAws(graph, options);
        }
        if (id != null && JobNames.runIdProblem(id) == null) {
            refuseExistingLocalRun(graph, id);
        }
    }

    /**
     * The local engine keeps its state in the run's folder, so opening it for a run id in use would touch that
     * run: a journaled run already there is named, with the commands that handle it. A folder without a journal
     * (a run killed before it journaled anything, so nothing was submitted) is started afresh; a process still
     * holding it is refused by the run lock.
     */
    private static void refuseExistingLocalRun(GraphSpec graph, String id) {
        if (!graph.storeOrDefault().startsWith("file:")) {
            return;
        }
        RunLayout layout = new RunLayout(graph.storeOrDefault(), id);
        Path folder = LocalObjectStore.toPath(layout.runUri());
        if (Files.exists(LocalObjectStore.toPath(layout.stateUri()))) {
            throw new GraphValidationException(new GraphError(
                    "--run-id",
                    "run " + id + " already exists at " + folder,
                    "resume it (batchgraph resume " + id + "), remove it (batchgraph cleanup " + id
                            + "), or choose another --run-id"));
        }
    }

    /** Reads, overrides and validates a graph file; invalid input throws before anything starts. */
    static final class GraphLoader {
        private GraphLoader() {}

        static GraphSpec load(Path file, List<String> overrides, String engine, String store) {
            if (!Files.isRegularFile(file)) {
                throw new GraphValidationException(new GraphError(
                        String.valueOf(file), "no graph file here", "give the path of a batchgraph.yaml"));
            }
            GraphSpec graph = new GraphBinder().read(file, overrides);
            return new GraphValidator().requireValid(GraphFiles.withHostSettings(graph, engine, store, null, null));
        }
    }
}
