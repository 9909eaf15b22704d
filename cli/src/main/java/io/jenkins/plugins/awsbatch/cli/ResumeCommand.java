package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.host.GraphHost;
import io.jenkins.plugins.awsbatch.engine.host.HostedRun;
import io.jenkins.plugins.awsbatch.engine.run.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.RunState;
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
        EngineOptions options = selection.engineOptionsFor(found, slots);
        AwsAccessCheck.require(options, found.graph.region());
        GraphHost host = CliHost.of(options, progress, "resume", RunSelection.baseDir(found));
        // under the run's lock, on the state as the writer before this one left it
        try (HostedRun run = host.resume(found.storeUri, found.runId)) {
            RunState state = run.state();
            RunResult result = new AbortOnSignal(run.runner()).runAndReport(r -> new ResultPrinter(ResultStages.of(state.graph)).print(r, run.state(), json, System.out, System.err));
            return result.outcome().exitCode();
        }
    }
}
