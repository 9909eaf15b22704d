package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.host.GraphHost;
import io.jenkins.plugins.awsbatch.engine.host.HostedRun;
import io.jenkins.plugins.awsbatch.engine.host.RerunRefusedException;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import java.util.function.BiFunction;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code resume} and {@code rerun} share: a journaled run re-attached through the engine host (which takes the
 * run's lock, then opens its engine), tracked to its end with progress (stopped when it ends) and the result printed
 * as {@code run} prints it. Their options, as a mixin.
 */
final class ReattachedRun {
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
     * @param open re-attaches to the run found (store and id) through the host
     */
    int run(String command, BiFunction<GraphHost, RunState, HostedRun> open) {
        RunState found = selection.load();
        EngineOptions options = selection.engineOptionsFor(found, slots);
        AwsAccessCheck.require(options, found.graph.region());
        try (ProgressPrinter progress = progressOptions.printer()) {
            GraphHost host = CliHost.of(options, progress, command, RunSelection.baseDir(found));
            try (HostedRun run = open.apply(host, found)) {
                RunState state = run.state();
                RunResult result = new AbortOnSignal(run.runner())
                        .runAndReport(r -> new ResultPrinter(ResultStages.of(state.graph))
                                .print(r, run.state(), json, System.out, System.err));
                return result.outcome().exitCode();
            }
        } catch (RerunRefusedException e) {
            throw new CliException(e.getMessage() + " (nothing was submitted)", BatchGraphCli.EXIT_INVALID);
        }
    }
}
