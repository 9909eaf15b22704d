package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.cli.report.HtmlReport;
import io.jenkins.plugins.awsbatch.cli.report.JUnitXml;
import io.jenkins.plugins.awsbatch.cli.report.MarkdownSummary;
import io.jenkins.plugins.awsbatch.cli.report.RunReport;
import io.jenkins.plugins.awsbatch.engine.plan.Manifest;
import io.jenkins.plugins.awsbatch.engine.plan.Planner;
import io.jenkins.plugins.awsbatch.engine.run.Json;
import io.jenkins.plugins.awsbatch.engine.run.LazyStores;
import io.jenkins.plugins.awsbatch.engine.run.RunState;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code batchgraph report RUN}: writes report.html (the graph with per-stage outcome and progress, failed
 * items with exit codes and log tails), summary.md and junit.xml (every item a test case) for a run, finished
 * or not.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write an HTML page, a Markdown summary and a JUnit XML of a run's items.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    RunSelection selection;

    @Option(names = "--out", paramLabel = "DIR", description = "folder to write to (default: report-RUNID)")
    Path out;

    @Override
    public Integer call() throws IOException {
        RunReport report;
        try (LazyStores stores = selection.stores()) {
            RunState state = selection.load(stores);
            RunLayout layout = new RunLayout(state.storeUri, state.runId);
            Optional<Manifest> manifest = readQuietly(() -> Planner.readManifest(layout, stores.forUri(layout.manifestUri()), Json.mapper()));
            report = RunReport.of(state, manifest, uri -> readQuietly(() -> stores.forUri(uri).get(uri)
                    .map(bytes -> {
                        try {
                            return Json.mapper().readValue(bytes, long[].class);
                        } catch (IOException e) {
                            return null;
                        }
                    })));
        }
        Path folder = out != null ? out : Path.of("report-" + report.state().runId);
        Files.createDirectories(folder);
        write(folder.resolve("report.html"), HtmlReport.render(report));
        write(folder.resolve("summary.md"), MarkdownSummary.render(report));
        write(folder.resolve("junit.xml"), JUnitXml.render(report));
        System.err.println("run " + report.state().runId + " " + report.outcome() + ": wrote " + folder.resolve("report.html")
                + ", " + folder.resolve("summary.md") + ", " + folder.resolve("junit.xml"));
        return 0;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The manifest and population maps make the report richer; a store that lost them still gets a report. */
    private static <T> Optional<T> readQuietly(java.util.function.Supplier<Optional<T>> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
