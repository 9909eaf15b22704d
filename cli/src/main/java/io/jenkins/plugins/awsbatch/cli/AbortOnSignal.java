package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.run.GraphRunner;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a graph to its end; Ctrl-C (SIGINT) or SIGTERM aborts it: every job of the run is terminated before the
 * process exits, the run ends ABORTED (exit 130), and its result is still reported.
 */
final class AbortOnSignal {
    private final GraphRunner runner;
    private final CountDownLatch reported = new CountDownLatch(1);

    AbortOnSignal(GraphRunner runner) {
        this.runner = runner;
    }

    /** Runs, then hands the result to {@code report}; a signal meanwhile aborts and waits for the report. */
    RunResult runAndReport(Consumer<RunResult> report) {
        Thread hook = new Thread(
                () -> {
                    if (!runner.isFinished()) {
                        System.err.println();
                        System.err.println("stopping: terminating the run's jobs...");
                        runner.abort("stopped by signal");
                        try {
                            reported.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                "batchgraph-abort");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunResult result = runner.runToCompletion();
            report.accept(result);
            return result;
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs already; it has waited for the report
            }
        }
    }
}
