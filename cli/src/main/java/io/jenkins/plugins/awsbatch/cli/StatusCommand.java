package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.run.LazyStores;
import io.jenkins.plugins.awsbatch.engine.run.Json;
import io.jenkins.plugins.awsbatch.engine.run.RunState;
import io.jenkins.plugins.awsbatch.engine.run.StageState;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code batchgraph status RUN}: what the run's journal says, stage by stage. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a run's state from its journal.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    RunSelection selection;

    @Option(names = "--json", description = "print the journal as JSON on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (LazyStores stores = selection.stores()) {
            RunState state = selection.load(stores);
            if (json) {
                System.out.println(Json.mapper().writeValueAsString(state));
                return 0;
            }
            System.out.printf("run %s (%s, %s engine, %s mode): %s%n", state.runId, state.name, state.engine, state.mode,
                    state.outcome == null ? "not finished" : state.outcome);
            System.out.printf("  %d item(s), data in %s%n", state.itemCount, state.runUri);
            for (Map.Entry<String, StageState> entry : state.stages.entrySet()) {
                StageState stage = entry.getValue();
                System.out.printf("  %-12s %-9s jobs %d, failed items %d%s%n", entry.getKey(), stage.status, stage.jobs.size(),
                        stage.failedItems.size(), stage.reason == null ? "" : " (" + stage.reason + ")");
            }
            return state.outcome == null ? 0 : state.outcome.exitCode();
        }
    }
}
