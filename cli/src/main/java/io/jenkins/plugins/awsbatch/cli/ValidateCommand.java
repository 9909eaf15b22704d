package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.run.EngineFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.graph.CountExpression;
import io.jenkins.plugins.awsbatch.engine.graph.CountSpec;
import io.jenkins.plugins.awsbatch.engine.graph.ExecutionModes;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.plan.Chunk;
import io.jenkins.plugins.awsbatch.engine.plan.Chunker;
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

    @Option(names = "--json", description = "print the verdict as one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() {
        GraphSpec graph = RunCommand.GraphLoader.load(file, overrides, engineOptions.engine, null);
        if (graph.engineOrDefault().equals("aws")) {
            EngineFactory.checkAws(graph, engineOptions.toOptions()); // what run --engine aws checks before its first call
        }
        long items = -1;
        if (plan) {
            items = RunCommand.checkBeforeCreating(graph, file.toAbsolutePath().getParent(), null, engineOptions).items().size();
        }
        System.err.println(file + ": valid (" + graph.stages().size() + " stage(s), " + ExecutionModes.describe(graph) + " mode)");
        if (json) {
            printJson(graph, items);
            return 0;
        }
        if (!plan) {
            return 0;
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
            if (stage.type() == StageType.AGGREGATE) {
                line.append(": ").append(aggregateJobs(stage, items));
            }
            if (!stage.dependsOn().isEmpty()) {
                line.append(", after ").append(stage.dependsOn().stream()
                        .map(d -> d.stage() + (d.isNToN() ? " (N_TO_N)" : "")).toList());
            }
            System.out.println(line);
        }
        return 0;
    }

    /** How many jobs an aggregate runs for this many items (the count was checked against them already). */
    private static String aggregateJobs(StageSpec stage, long items) {
        CountSpec count = stage.count();
        if (count == null) {
            return "1 job";
        }
        if (count.partitionsFrom() != null) {
            return "one job per partition of " + count.partitionsFrom() + " (known when it ends)";
        }
        int jobs = count.fixed() != null ? count.fixed() : CountExpression.parse(count.expression()).evaluate(items);
        return jobs + " job(s)" + (count.expression() != null ? " (count \"" + count.expression() + "\")" : "");
    }

    private void printJson(GraphSpec graph, long items) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("outcome", "VALID");
        out.put("exitCode", 0);
        out.put("name", graph.name());
        out.put("mode", ExecutionModes.describe(graph));
        if (items >= 0) {
            out.put("itemCount", items);
        }
        ArrayNode stages = out.putArray("stages");
        for (StageSpec stage : graph.stages()) {
            ObjectNode entry = stages.addObject();
            entry.put("name", stage.name());
            entry.put("type", stage.type().name().toLowerCase());
            entry.put("gated", ExecutionModes.isGated(graph, stage));
            if (items >= 0 && stage.type() == StageType.AGGREGATE
                    && (stage.count() == null || stage.count().partitionsFrom() == null)) {
                entry.put("jobs", stage.count() == null ? 1 : stage.count().fixed() != null ? stage.count().fixed()
                        : CountExpression.parse(stage.count().expression()).evaluate(items));
            }
        }
        System.out.println(out);
    }

    private static long waves(long items, int maxConcurrency) {
        return (items + maxConcurrency - 1) / maxConcurrency;
    }
}
