package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.run.state.ItemJobs;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.LazyStores;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code batchgraph logs RUN STAGE INDEX}: the log of the job that ran item INDEX in STAGE (latest attempt). A
 * local-engine run's log is read from its folder; other engines are asked through their API.
 */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print the log of one item's job.")
final class LogsCommand implements Callable<Integer> {
    @Mixin
    RunSelection selection;

    @Parameters(index = "1", paramLabel = "STAGE", description = "the stage's name")
    String stage;

    @Parameters(index = "2", paramLabel = "INDEX", description = "the item's index in the plan (0-based)")
    long index;

    @Override
    public Integer call() {
        RunState state;
        String jobId;
        try (LazyStores stores = selection.stores()) {
            state = selection.load(stores);
            jobId = new ItemJobs(stores, Json.mapper())
                    .jobFor(state, stage, index)
                    .orElseThrow(() -> new CliException(
                            "stage " + stage + " ran no job for item " + index, BatchGraphCli.EXIT_INVALID));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), BatchGraphCli.EXIT_INVALID);
        }
        if (LocalJobLog.applies(state)) {
            return printLocal(state, jobId);
        }
        Path baseDir = RunSelection.baseDir(state);
        try (RunEngine engine = new EngineFactory(Clock.systemUTC())
                .create(state.graph, state.runId, baseDir, selection.engineOptionsFor(state), RunListener.NONE)) {
            List<JobDetail> details = engine.services().batch().describeJobs(List.of(jobId));
            if (details.isEmpty()) {
                throw new CliException("job " + jobId + " is unknown to the " + state.engine + " engine", 1);
            }
            System.err.println("log of " + jobId + " (" + details.get(0).status() + ")");
            engine.services().logs().all(details.get(0)).forEach(System.out::println);
            return 0;
        }
    }

    private static int printLocal(RunState state, String jobId) {
        Path file = LocalJobLog.latestAttempt(state, jobId)
                .orElseThrow(() -> new CliException(
                        "job " + jobId
                                + " has no log yet: it has not started, or printed nothing (see batchgraph status "
                                + state.runId + ")",
                        1));
        System.err.println("log of " + jobId + " (attempt " + LocalJobLog.attempt(file) + ")");
        try {
            Files.copy(file, System.out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        System.out.flush();
        return 0;
    }
}
