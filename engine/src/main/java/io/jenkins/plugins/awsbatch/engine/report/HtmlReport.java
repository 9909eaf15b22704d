package io.jenkins.plugins.awsbatch.engine.report;

import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import java.time.Instant;

/**
 * A self-contained HTML page of a run (no scripts, no external files): the graph as SVG, a table of stages,
 * and each failed item with its exit code, reason and log tail. Every string from the run is escaped.
 */
public final class HtmlReport {
    /** More failed items than this per stage are counted, not listed (the JUnit XML has them all). */
    static final int LISTED_FAILURES = 200;

    private HtmlReport() {}

    public static String render(RunReport report) {
        var state = report.state();
        String[] colour = GraphSvg.colours(outcomeStatus(report));
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                """);
        html.append("<title>")
                .append(Markup.xml("run " + state.runId + ": " + report.outcome()))
                .append("</title>\n");
        html.append("""
                <style>
                body{font-family:system-ui,sans-serif;margin:24px;color:#212121;max-width:1200px}
                h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px}
                .badge{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-weight:600;font-size:14px}
                .meta{color:#546e7a;margin:4px 0 16px}
                .graph{overflow-x:auto;border:1px solid #eceff1;border-radius:8px;padding:8px;background:#fff}
                table{border-collapse:collapse;font-size:14px} th,td{padding:5px 12px;border-bottom:1px solid #eceff1;text-align:left}
                td.num{text-align:right;font-variant-numeric:tabular-nums}
                .status{font-weight:600}
                pre{background:#263238;color:#eceff1;padding:8px 10px;border-radius:6px;overflow-x:auto;font-size:12px;margin:4px 0 12px;white-space:pre-wrap}
                .item{margin:10px 0 0} .reason{color:#546e7a}
                </style></head><body>
                """);
        html.append("<h1>")
                .append(Markup.xml(state.name))
                .append(" <span class=\"badge\" style=\"background:")
                .append(colour[0])
                .append("\">")
                .append(Markup.xml(report.outcome()))
                .append("</span></h1>\n");
        html.append("<div class=\"meta\">run <code>")
                .append(Markup.xml(state.runId))
                .append("</code> · ")
                .append(state.itemCount)
                .append(" item(s) · ")
                .append(Markup.xml(state.mode))
                .append(" mode · ")
                .append(Markup.xml(state.engine))
                .append(" engine");
        if (state.startedAt > 0) {
            html.append(" · started ")
                    .append(Instant.ofEpochMilli(state.startedAt)
                            .toString()
                            .replace('T', ' ')
                            .replaceAll("\\.\\d+Z$", " UTC"));
        }
        if (report.durationMs() > 0) {
            html.append(" · took ").append(Markup.duration(report.durationMs()));
        }
        html.append("</div>\n");
        if (state.message != null) {
            html.append("<p>").append(Markup.xml(state.message)).append("</p>\n");
        }
        html.append("<div class=\"graph\">\n").append(GraphSvg.render(report)).append("</div>\n");
        html.append(
                "<h2>Stages</h2>\n<table><tr><th>stage</th><th>status</th><th>succeeded</th><th>failed</th><th>of</th>"
                        + "<th>duration</th><th>compute</th><th>note</th></tr>\n");
        for (RunReport.StageReport stage : report.stages()) {
            html.append("<tr><td>")
                    .append(Markup.xml(stage.name()))
                    .append("</td><td class=\"status\" style=\"color:")
                    .append(GraphSvg.colours(stage.status())[0])
                    .append("\">")
                    .append(stage.status())
                    .append("</td><td class=\"num\">")
                    .append(stage.succeeded())
                    .append("</td><td class=\"num\">")
                    .append(stage.failed())
                    .append("</td><td class=\"num\">")
                    .append(stage.total())
                    .append("</td><td class=\"num\">")
                    .append(stage.durationMs() > 0 ? Markup.duration(stage.durationMs()) : "")
                    .append("</td><td class=\"num\">")
                    .append(stage.computeSeconds() >= 0.05 ? String.format("%.1f s", stage.computeSeconds()) : "")
                    .append("</td><td>")
                    .append(Markup.xml(stage.reason() == null ? "" : stage.reason()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        boolean anyFailed =
                report.stages().stream().anyMatch(s -> !s.failedItems().isEmpty());
        if (anyFailed) {
            html.append("<h2>Failed items</h2>\n");
        }
        for (RunReport.StageReport stage : report.stages()) {
            if (stage.failedItems().isEmpty()) {
                continue;
            }
            html.append("<h3>")
                    .append(Markup.xml(stage.name()))
                    .append(": ")
                    .append(stage.failedItems().size())
                    .append(" failed item(s)</h3>\n");
            for (FailedItem item : stage.failedItems()
                    .subList(0, Math.min(LISTED_FAILURES, stage.failedItems().size()))) {
                html.append("<div class=\"item\"><b>item ")
                        .append(item.index())
                        .append("</b> ")
                        .append(Markup.xml(
                                item.key() != null ? item.key() : report.keyOf().apply(item.index())))
                        .append(" · exit code ")
                        .append(item.exitCode() == null ? "none" : item.exitCode())
                        .append(" <span class=\"reason\">")
                        .append(Markup.xml(item.statusReason()))
                        .append("</span>")
                        .append(" <small>job ")
                        .append(Markup.xml(item.jobId()))
                        .append("</small></div>\n");
                if (!item.logTail().isEmpty()) {
                    html.append("<pre>")
                            .append(Markup.xml(String.join("\n", item.logTail())))
                            .append("</pre>\n");
                }
            }
            if (stage.failedItems().size() > LISTED_FAILURES) {
                html.append("<p>… and ")
                        .append(stage.failedItems().size() - LISTED_FAILURES)
                        .append(" more (all of them are in junit.xml)</p>\n");
            }
        }
        return html.append("</body></html>\n").toString();
    }

    private static io.jenkins.plugins.awsbatch.engine.run.state.StageStatus outcomeStatus(RunReport report) {
        return report.state().outcome == null
                ? io.jenkins.plugins.awsbatch.engine.run.state.StageStatus.SUBMITTED
                : io.jenkins.plugins.awsbatch.engine.run.state.StageStatus.valueOf(
                        report.state().outcome.name());
    }
}
