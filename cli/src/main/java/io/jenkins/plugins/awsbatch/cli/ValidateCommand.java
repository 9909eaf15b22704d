package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.run.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.LazyStores;
import io.jenkins.plugins.awsbatch.engine.graph.ExecutionModes;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.plan.Chunk;
import io.jenkins.plugins.awsbatch.engine.plan.Chunker;
import io.jenkins.plugins.awsbatch.engine.plan.Item;
import io.jenkins.plugins.awsbatch.engine.plan.ItemSource;
import io.jenkins.plugins.awsbatch.engine.run.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code batchgraph validate FILE [--plan]}: checks the whole graph (exit 2 with every error, nothing
 * submitted); with {@code --plan}, reads the items and prints the execution plan: mode, chunks, waves.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a graph file; --plan also reads the items and shows the plan.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--plan", description = "read the items and print the chunks, modes and waves")
    boolean plan;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a field before validating")
    List<String> overrides = new ArrayList<>();

    @Mixin
    EngineOptionsMixin engineOptions;

    @Override
    public Integer call() {
        GraphSpec graph = RunCommand.GraphLoader.load(file, overrides, engineOptions.engine, null);
        System.err.println(file + ": valid (" + graph.stages().size() + " stage(s), " + ExecutionModes.describe(graph) + " mode)");
        if (!plan) {
            return 0;
        }
        long items = 0;
        if (graph.plan() != null && graph.plan().items() != null) {
            try (LazyStores stores = EngineFactory.stores(engineOptions.toOptions())) {
                List<Item> read = new ItemSource(Json.mapper(), stores).read(graph.plan().items(), file.toAbsolutePath().getParent());
                items = read.size();
            }
        }
        System.out.println("items: " + items);
        Chunker chunker = new Chunker();
        for (StageSpec stage : graph.stages()) {
            StringBuilder line = new StringBuilder("stage " + stage.name() + " (" + stage.type().name().toLowerCase() + ", "
                    + (ExecutionModes.isGated(graph, stage) ? "gated" : "upfront") + ")");
            if (stage.type() == StageType.ARRAY) {
                List<Chunk> chunks = chunker.split(items);
                line.append(": ").append(chunks.size()).append(" array job(s) ").append(chunks.stream()
                        .map(c -> c.offset() + ".." + (c.offset() + c.size() - 1)).toList());
                if (stage.maxConcurrency() != null) {
                    line.append(stage.consumableResource() != null
                            ? ", at most " + stage.maxConcurrency() + " running (consumable resource " + stage.consumableResource() + ")"
                            : ", at most " + stage.maxConcurrency() + " running: " + waves(items, stage.maxConcurrency()) + " wave(s)");
                }
            }
            if (!stage.dependsOn().isEmpty()) {
                line.append(", after ").append(stage.dependsOn().stream()
                        .map(d -> d.stage() + (d.isNToN() ? " (N_TO_N)" : "")).toList());
            }
            System.out.println(line);
        }
        return 0;
    }

    private static long waves(long items, int maxConcurrency) {
        return (items + maxConcurrency - 1) / maxConcurrency;
    }
}
