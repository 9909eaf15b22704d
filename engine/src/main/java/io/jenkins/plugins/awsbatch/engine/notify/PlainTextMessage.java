package io.jenkins.plugins.awsbatch.engine.notify;

import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;

/** The plain-text digest of a {@link NotificationMessage}: the mail's text part and the SNS message. */
public final class PlainTextMessage {
    private PlainTextMessage() {}

    public static String render(NotificationMessage m) {
        StringBuilder out = new StringBuilder();
        out.append(m.headline()).append("\n\n");
        out.append("Run:      ")
                .append(m.runName())
                .append(" (run id ")
                .append(m.runId())
                .append(")\n");
        out.append("Outcome:  ").append(m.outcome()).append('\n');
        out.append("Duration: ").append(m.durationText()).append('\n');
        if (m.reason() != null && !m.reason().isBlank()) {
            out.append("Reason:   ").append(m.reason()).append('\n');
        }
        if (m.link() != null) {
            out.append("Link:     ").append(m.link()).append('\n');
        }
        if (!m.stages().isEmpty()) {
            out.append("\nStages:\n");
            for (StageSummary s : m.stages()) {
                out.append("  ")
                        .append(s.name())
                        .append(": ")
                        .append(s.status())
                        .append(" - ")
                        .append(s.countsText());
                if (s.failedCount() > 0) {
                    out.append("; ").append(s.failedText());
                }
                out.append('\n');
            }
        }
        for (StageSummary s : m.failedStages()) {
            if (s.failedItems().isEmpty()) {
                continue;
            }
            out.append("\nFailed items of ").append(s.name()).append(":\n");
            for (FailedItem item : s.failedItems()) {
                out.append("  ").append(itemLine(item)).append('\n');
                item.logTail().forEach(line -> out.append("    | ").append(line).append('\n'));
            }
            if (s.moreFailed() > 0) {
                out.append("  ... and ").append(s.moreFailed()).append(" more\n");
            }
        }
        return out.toString();
    }

    /** "item 5 [key-5] exit 1: Essential container in task exited" */
    static String itemLine(FailedItem item) {
        return "item " + item.index() + (item.key() == null ? "" : " [" + item.key() + "]")
                + " exit " + (item.exitCode() == null ? "-" : item.exitCode())
                + (item.statusReason() == null ? "" : ": " + item.statusReason());
    }
}
