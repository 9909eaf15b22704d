package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.lock.RunLock;
import io.jenkins.plugins.awsbatch.engine.run.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.GraphRunner;
import io.jenkins.plugins.awsbatch.engine.run.LazyStores;
import io.jenkins.plugins.awsbatch.engine.run.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.RunState;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code batchgraph resume RUN}: re-attaches to a run that was interrupted (machine restart, killed CLI): tracks
 * the jobs it journaled, submits only what it had not, and finds by name any job submitted just before the
 * interruption.
 */
@Command(name = "resume", mixinStandardHelpOptions = true, description = "Re-attach to an unfinished run without resubmitting.")
final class ResumeCommand implements Callable<Integer> {
    @Mixin
    RunSelection selection;

    @Mixin
    ProgressOptions progressOptions = new ProgressOptions();

    @Option(names = "--json", description = "print the result as one JSON object on stdout")
    boolean json;

    @Option(names = "--slots", description = "local engine: jobs running at once (default: number of cores)")
    Integer slots;

    @Override
    public Integer call() {
        RunState found = selection.load();
        ProgressPrinter progress = progressOptions.printer();
        AwsAccessCheck.require(selection.engineOptionsFor(found, slots), found.graph.region());
        try (LazyStores stores = selection.stores();
             RunLock lock = RunLocks.take(stores, new RunLayout(found.storeUri, found.runId), "resume");
             RunEngine engine = new EngineFactory(Clock.systemUTC()).create(found.graph, found.runId,
                     RunSelection.baseDir(found), selection.engineOptionsFor(found, slots), progress)) {
            RunState state = selection.load(stores); // as the writer before this one left it
            GraphRunner runner = GraphRunner.resume(engine.services(), state, lock);
            RunResult result = new AbortOnSignal(runner).runAndReport(r -> new ResultPrinter(ResultStages.of(state.graph)).print(r, json, System.out, System.err));
            return result.outcome().exitCode();
        }
    }
}
