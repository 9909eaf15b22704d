package io.jenkins.plugins.awsbatch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code batchgraph rerun RUN --failed}: a finished run's failed items (and what comes after them) run again as a
 * new retry round of the same run: same run id, store and journal, the result as {@code run} prints it.
 */
@Command(
        name = "rerun",
        mixinStandardHelpOptions = true,
        description = "Run the failed items of a finished run again, as a new retry round of the same run.")
final class RerunCommand implements Callable<Integer> {
    @Mixin
    ReattachedRun reattached;

    @Option(
            names = "--failed",
            required = true,
            description = "resubmit the failed items only (and the items of later stages that depend on them)")
    boolean failed;

    @Override
    public Integer call() {
        // a run that has not finished, has no failed items or was cleaned up is refused: exit 2, nothing submitted
        return reattached.run("rerun", (host, found) -> host.rerunFailed(found.storeUri, found.runId));
    }
}
