package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.run.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.LazyStores;
import io.jenkins.plugins.awsbatch.engine.graph.ExecutionModes;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.cli.picture.PlanDot;
import io.jenkins.plugins.awsbatch.cli.picture.PlanJson;
import io.jenkins.plugins.awsbatch.cli.picture.PlanMermaid;
import io.jenkins.plugins.awsbatch.cli.picture.PlanText;
import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout;
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

    @Option(names = "--format", paramLabel = "text|json|mermaid|dot", defaultValue = "text",
            description = "how --plan draws the stages, their dependencies and counts (implies --plan when not text)")
    PlanFormat format = PlanFormat.TEXT;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a field before validating")
    List<String> overrides = new ArrayList<>();

    @Mixin
    EngineOptionsMixin engineOptions;

    @Override
    public Integer call() {
        GraphSpec graph = RunCommand.GraphLoader.load(file, overrides, engineOptions.engine, null);
        System.err.println(file + ": valid (" + graph.stages().size() + " stage(s), " + ExecutionModes.describe(graph) + " mode)");
        if (!plan && format == PlanFormat.TEXT) {
            return 0;
        }
        long items = 0;
        if (graph.plan() != null && graph.plan().items() != null) {
            try (LazyStores stores = EngineFactory.stores(engineOptions.toOptions())) {
                List<Item> read = new ItemSource(Json.mapper(), stores).read(graph.plan().items(), file.toAbsolutePath().getParent());
                items = read.size();
            }
        }
        GraphLayout layout = GraphLayout.of(graph, items, BatchService.MAX_ARRAY_SIZE);
        System.out.print(switch (format) {
            case TEXT -> PlanText.render(layout);
            case JSON -> PlanJson.render(layout);
            case MERMAID -> PlanMermaid.render(layout);
            case DOT -> PlanDot.render(layout);
        });
        System.out.flush();
        return 0;
    }

    /** What {@code --plan} prints on stdout. */
    enum PlanFormat { TEXT, JSON, MERMAID, DOT }
}
