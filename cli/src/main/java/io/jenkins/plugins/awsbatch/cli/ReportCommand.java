package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.report.HtmlReport;
import io.jenkins.plugins.awsbatch.engine.report.JUnitXml;
import io.jenkins.plugins.awsbatch.engine.report.MarkdownSummary;
import io.jenkins.plugins.awsbatch.engine.report.RunReport;
import io.jenkins.plugins.awsbatch.engine.run.wiring.LazyStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code batchgraph report RUN}: writes report.html (the graph with per-stage outcome and progress, failed
 * items with exit codes and log tails), summary.md and junit.xml (every item a test case) for a run, finished
 * or not.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
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
            report = RunReport.read(selection.load(stores), stores);
        }
        Path folder = out != null ? out : Path.of("report-" + report.state().runId);
        Files.createDirectories(folder);
        write(folder.resolve("report.html"), HtmlReport.render(report));
        write(folder.resolve("summary.md"), MarkdownSummary.render(report));
        write(folder.resolve("junit.xml"), JUnitXml.render(report));
        System.err.println(
                "run " + report.state().runId + " " + report.outcome() + ": wrote " + folder.resolve("report.html")
                        + ", " + folder.resolve("summary.md") + ", " + folder.resolve("junit.xml"));
        return 0;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
