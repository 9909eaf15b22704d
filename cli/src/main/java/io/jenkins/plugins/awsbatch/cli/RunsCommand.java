package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.RunCatalog;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.LazyStores;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code batchgraph runs}: the runs of a store, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the runs of a store, newest first.")
final class RunsCommand implements Callable<Integer> {
    private static final DateTimeFormatter STARTED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Option(names = "--store", description = "the store to list (default file://.batchgraph/runs)")
    String store;

    @Option(names = "--json", description = "print {store, runs: [...]} as one JSON object on stdout")
    boolean json;

    @Mixin
    EngineOptionsMixin engineOptions;

    @Override
    public Integer call() throws Exception {
        String storeUri = store != null ? store : GraphSpec.DEFAULT_STORE;
        List<RunCatalog.Entry> runs;
        try (LazyStores stores = EngineFactory.stores(engineOptions.toOptions())) {
            runs = new RunCatalog(stores, Json.mapper(), Clock.systemUTC()).list(storeUri);
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("store", storeUri);
            out.put("runs", runs);
            System.out.println(Json.mapper().writeValueAsString(out));
            return 0;
        }
        if (runs.isEmpty()) {
            System.err.println("no runs under " + storeUri);
            return 0;
        }
        System.out.printf(
                "%-44s %-20s %-10s %-19s %10s %8s %7s%n",
                "RUN", "GRAPH", "OUTCOME", "STARTED (UTC)", "DURATION", "ITEMS", "FAILED");
        for (RunCatalog.Entry run : runs) {
            if (run.problem() != null) {
                System.out.printf("%-44s %s%n", run.runId(), run.problem());
                continue;
            }
            System.out.printf(
                    "%-44s %-20s %-10s %-19s %10s %8d %7d%n",
                    run.runId(),
                    run.name(),
                    run.outcome() == null ? "UNFINISHED" : run.outcome(),
                    STARTED.format(Instant.ofEpochMilli(run.startedAt())),
                    String.format("%.1f s", run.durationMs() / 1000.0),
                    Math.max(0, run.itemCount()),
                    run.failedItems());
        }
        return 0;
    }
}
