package io.jenkins.plugins.awsbatch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code batchgraph resume RUN}: re-attaches to a run that was interrupted (machine restart, killed CLI): tracks
 * the jobs it journaled, submits only what it had not, and finds by name any job submitted just before the
 * interruption.
 */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description = "Re-attach to an unfinished run without resubmitting.")
final class ResumeCommand implements Callable<Integer> {
    @Mixin
    ReattachedRun reattached;

    @Override
    public Integer call() {
        return reattached.run("resume", (host, found) -> host.resume(found.storeUri, found.runId));
    }
}
