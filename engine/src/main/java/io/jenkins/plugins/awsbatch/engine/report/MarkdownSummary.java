package io.jenkins.plugins.awsbatch.engine.report;

import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;

/** A Markdown summary of a run (for a pull request comment or a job summary): stages, then failed items. */
public final class MarkdownSummary {
    private static final int LISTED_FAILURES = 20;

    private MarkdownSummary() {}

    public static String render(RunReport report) {
        var state = report.state();
        StringBuilder md =
                new StringBuilder("## Run `" + state.runId.replace("`", "'") + "`: " + report.outcome() + "\n\n");
        md.append(Markup.cell(state.name))
                .append(" · ")
                .append(state.itemCount)
                .append(" item(s) · ")
                .append(state.mode)
                .append(" mode")
                .append(report.durationMs() > 0 ? " · took " + Markup.duration(report.durationMs()) : "")
                .append("\n\n");
        md.append("| stage | status | succeeded | failed | of | duration |\n|---|---|--:|--:|--:|--:|\n");
        for (RunReport.StageReport stage : report.stages()) {
            md.append("| ")
                    .append(Markup.cell(stage.name()))
                    .append(" | ")
                    .append(stage.status())
                    .append(" | ")
                    .append(stage.succeeded())
                    .append(" | ")
                    .append(stage.failed())
                    .append(" | ")
                    .append(stage.total())
                    .append(" | ")
                    .append(stage.durationMs() > 0 ? Markup.duration(stage.durationMs()) : "")
                    .append(" |\n");
        }
        for (RunReport.StageReport stage : report.stages()) {
            if (stage.failedItems().isEmpty()) {
                continue;
            }
            md.append("\n### ")
                    .append(Markup.cell(stage.name()))
                    .append(": ")
                    .append(stage.failedItems().size())
                    .append(" failed item(s)\n\n| item | key | exit code | reason |\n|--:|---|--:|---|\n");
            for (FailedItem item : stage.failedItems()
                    .subList(0, Math.min(LISTED_FAILURES, stage.failedItems().size()))) {
                md.append("| ")
                        .append(item.index())
                        .append(" | ")
                        .append(Markup.cell(
                                item.key() != null ? item.key() : report.keyOf().apply(item.index())))
                        .append(" | ")
                        .append(item.exitCode() == null ? "" : item.exitCode())
                        .append(" | ")
                        .append(Markup.cell(item.statusReason()))
                        .append(" |\n");
            }
            if (stage.failedItems().size() > LISTED_FAILURES) {
                md.append("\n… and ")
                        .append(stage.failedItems().size() - LISTED_FAILURES)
                        .append(" more: see report.html\n");
            }
        }
        return md.toString();
    }
}
