package io.jenkins.plugins.awsbatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.cli.picture.PlanDot;
import io.jenkins.plugins.awsbatch.cli.picture.PlanJson;
import io.jenkins.plugins.awsbatch.cli.picture.PlanMermaid;
import io.jenkins.plugins.awsbatch.cli.picture.PlanText;
import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.ExecutionModes;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.plan.ArrayLayout;
import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
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
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check a graph file; --plan also reads the items and shows the plan.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--plan", description = "read the items and print the chunks, modes and waves")
    boolean plan;

    @Option(
            names = "--format",
            paramLabel = "text|json|mermaid|dot",
            defaultValue = "text",
            description = "how --plan draws the stages, their dependencies and counts (implies --plan when not text)")
    PlanFormat format = PlanFormat.TEXT;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a field before validating")
    List<String> overrides = new ArrayList<>();

    @Mixin
    EngineOptionsMixin engineOptions;

    @Option(names = "--json", description = "print the verdict as one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() {
        GraphSpec graph = RunCommand.GraphLoader.load(file, overrides, engineOptions.engine, null);
        if (graph.engineKind() == EngineKind.AWS) {
            EngineFactory.checkAws(
                    graph, engineOptions.toOptions()); // what run --engine aws checks before its first call
        }
        boolean picture = plan || format != PlanFormat.TEXT;
        long items = -1;
        if (picture) {
            items = RunCommand.checkBeforeCreating(graph, file.toAbsolutePath().getParent(), engineOptions)
                    .items()
                    .size();
        }
        System.err.println(
                file + ": valid (" + graph.stages().size() + " stage(s), " + ExecutionModes.describe(graph) + " mode)");
        if (json) {
            printJson(graph, items);
            return 0;
        }
        if (!picture) {
            return 0;
        }
        GraphLayout layout = GraphLayout.of(graph, items, BatchLimits.MAX_ARRAY_SIZE);
        System.out.print(
                switch (format) {
                    case TEXT -> PlanText.render(layout);
                    case JSON -> PlanJson.render(layout);
                    case MERMAID -> PlanMermaid.render(layout);
                    case DOT -> PlanDot.render(layout);
                });
        System.out.flush();
        return 0;
    }

    /** What {@code --plan} prints on stdout. */
    enum PlanFormat {
        TEXT,
        JSON,
        MERMAID,
        DOT
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
            if (items >= 0 && stage.type() == StageType.AGGREGATE) {
                ArrayLayout.aggregateCount(stage, items).ifPresent(jobs -> entry.put("jobs", jobs));
            }
        }
        System.out.println(out);
    }
}
