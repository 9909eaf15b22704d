package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.host.ResultView;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageResult;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.run.track.FailureDigest;
import java.io.PrintStream;

/** Prints a run result: a human summary and digest on stderr, and with {@code --json} one object on stdout. */
final class ResultPrinter {
    private final java.util.Set<String> resultStages;

    ResultPrinter(java.util.Set<String> resultStages) {
        this.resultStages = resultStages;
    }

    private boolean resultStage(StageResult stage) {
        return resultStages.contains(stage.name());
    }

    /** A local output folder is listed file by file, so the user can open the result straight away. */
    private static String describe(String outputUri) {
        if (!outputUri.startsWith("file:")) {
            return outputUri + "/";
        }
        java.nio.file.Path folder = io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore.toPath(outputUri);
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(folder)) {
            java.util.List<String> names =
                    files.map(java.nio.file.Path::toString).sorted().toList();
            return names.isEmpty() ? folder + "/ (empty)" : String.join(", ", names);
        } catch (java.io.IOException e) {
            return folder + "/";
        }
    }

    void print(RunResult result, RunState state, boolean asJson, PrintStream out, PrintStream err) {
        err.println();
        err.printf(
                "run %s %s in %.1f s (%s mode, %d item(s))%n",
                result.runId(), result.outcome(), result.durationMs() / 1000.0, result.mode(), result.itemCount());
        for (StageResult stage : result.stages()) {
            err.printf(
                    "  %-12s %-9s %s%s%n",
                    stage.name(),
                    stage.status(),
                    stage.counts().isEmpty()
                            ? ""
                            : "succeeded "
                                    + stage.counts()
                                            .getOrDefault(
                                                    io.jenkins.plugins.awsbatch.engine.batch.JobStatus.SUCCEEDED, 0)
                                    + ", failed "
                                    + stage.counts()
                                            .getOrDefault(io.jenkins.plugins.awsbatch.engine.batch.JobStatus.FAILED, 0),
                    stage.computeSeconds() > 0 ? String.format(", %.1f compute-s", stage.computeSeconds()) : "");
        }
        if (result.message() != null) {
            err.println("  " + result.message());
        }
        if (!result.failedStages().isEmpty()) {
            new FailureDigest(10).lines(result).forEach(line -> err.println("  " + line));
        }
        err.println("  data: " + result.runUri());
        for (StageResult stage : result.stages()) {
            if (stage.status() == StageStatus.SUCCEEDED && (stage.name() != null) && resultStage(stage)) {
                String output = io.jenkins.plugins.awsbatch.engine.store.StoreUris.join(
                        result.runUri(), "stages", stage.name(), "output");
                err.println("  result of " + stage.name() + ": " + describe(output));
            }
        }
        if (asJson) {
            out.println(ResultView.json(state, result));
        }
        out.flush();
        err.flush();
    }
}
