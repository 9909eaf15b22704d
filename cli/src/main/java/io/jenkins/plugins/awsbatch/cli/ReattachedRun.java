package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.lock.RunLock;
import io.jenkins.plugins.awsbatch.engine.run.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.GraphRunner;
import io.jenkins.plugins.awsbatch.engine.run.LazyStores;
import io.jenkins.plugins.awsbatch.engine.run.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.RunServices;
import io.jenkins.plugins.awsbatch.engine.run.RunState;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.time.Clock;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code resume} and {@code rerun} share: a journaled run's engine opened under the run's lock, a runner over
 * the run as the writer before left it, tracked to its end with progress (stopped when it ends) and the result
 * printed as {@code run} prints it. Their options, as a mixin.
 */
final class ReattachedRun {
    /** Makes the runner from the run as read under the lock. */
    interface RunnerFactory {
        GraphRunner create(RunServices services, RunState state, RunLock lock);
    }

    @Mixin
    RunSelection selection;

    @Mixin
    ProgressOptions progressOptions = new ProgressOptions();

    @Option(names = "--json", description = "print the result as one JSON object on stdout")
    boolean json;

    @Option(names = "--slots", description = "local engine: jobs running at once (default: number of cores)")
    Integer slots;

    /**
     * @param command names the lock's owner ({@code resume}, {@code rerun})
     * @param check refuses the run as read (before the engine and again under the lock) with a {@link CliException}
     */
    int run(String command, Consumer<RunState> check, RunnerFactory runner) {
        RunState found = selection.load();
        check.accept(found);
        AwsAccessCheck.require(selection.engineOptionsFor(found, slots), found.graph.region());
        try (ProgressPrinter progress = progressOptions.printer();
             LazyStores stores = selection.stores();
             RunLock lock = RunLocks.take(stores, new RunLayout(found.storeUri, found.runId), command);
             RunEngine engine = new EngineFactory(Clock.systemUTC()).create(found.graph, found.runId,
                     RunSelection.baseDir(found), selection.engineOptionsFor(found, slots), progress)) {
            RunState state = selection.load(stores); // as the writer before this one left it
            check.accept(state);
            GraphRunner tracked = runner.create(engine.services(), state, lock);
            RunResult result = new AbortOnSignal(tracked).runAndReport(r -> new ResultPrinter(ResultStages.of(state.graph))
                    .print(r, json, System.out, System.err));
            return result.outcome().exitCode();
        }
    }
}
