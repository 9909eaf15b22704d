package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.run.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.GraphRunner;
import io.jenkins.plugins.awsbatch.engine.run.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.RunState;
import java.nio.file.Path;
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
        RunState state = selection.load();
        ProgressPrinter progress = progressOptions.printer();
        AwsAccessCheck.require(selection.engineOptionsFor(state, slots), state.graph.region());
        Path baseDir = RunSelection.baseDir(state);
        try (RunEngine engine = new EngineFactory(Clock.systemUTC()).create(state.graph, state.runId, baseDir,
                selection.engineOptionsFor(state, slots), progress)) {
            GraphRunner runner = GraphRunner.resume(engine.services(), state);
            RunResult result = new AbortOnSignal(runner).runAndReport(r -> new ResultPrinter(ResultStages.of(state.graph)).print(r, json, System.out, System.err));
            return result.outcome().exitCode();
        }
    }
}
