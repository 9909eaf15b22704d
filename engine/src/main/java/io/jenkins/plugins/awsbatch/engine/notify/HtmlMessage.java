package io.jenkins.plugins.awsbatch.engine.notify;

import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;

/** The HTML part of the mail: the same content as {@link PlainTextMessage}, as a small table. Everything escaped. */
public final class HtmlMessage {
    private HtmlMessage() {}

    public static String render(NotificationMessage m) {
        StringBuilder out = new StringBuilder("<html><body style=\"font-family:sans-serif\">\n");
        out.append("<h2 style=\"color:")
                .append(colour(m.outcome()))
                .append("\">")
                .append(esc(m.headline()))
                .append("</h2>\n");
        out.append("<p>Run <b>")
                .append(esc(m.runName()))
                .append("</b> (run id <code>")
                .append(esc(m.runId()))
                .append("</code>): <b>")
                .append(m.outcome())
                .append("</b> after ")
                .append(esc(m.durationText()))
                .append("</p>\n");
        if (m.reason() != null && !m.reason().isBlank()) {
            out.append("<p>").append(esc(m.reason())).append("</p>\n");
        }
        if (m.link() != null) {
            out.append("<p><a href=\"")
                    .append(esc(m.link()))
                    .append("\">")
                    .append(esc(m.link()))
                    .append("</a></p>\n");
        }
        if (!m.stages().isEmpty()) {
            out.append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<tr><th>stage</th><th>status</th>"
                    + "<th>jobs</th><th>failed</th></tr>\n");
            for (StageSummary s : m.stages()) {
                out.append("<tr><td>")
                        .append(esc(s.name()))
                        .append("</td><td>")
                        .append(esc(s.status()))
                        .append("</td><td>")
                        .append(esc(s.countsText()))
                        .append("</td><td>")
                        .append(esc(s.failedText()))
                        .append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        for (StageSummary s : m.failedStages()) {
            if (s.failedItems().isEmpty()) {
                continue;
            }
            out.append("<h3>Failed items of ").append(esc(s.name())).append("</h3>\n<ul>\n");
            for (FailedItem item : s.failedItems()) {
                out.append("<li>").append(esc(PlainTextMessage.itemLine(item)));
                if (!item.logTail().isEmpty()) {
                    out.append("<pre>")
                            .append(esc(String.join("\n", item.logTail())))
                            .append("</pre>");
                }
                out.append("</li>\n");
            }
            if (s.moreFailed() > 0) {
                out.append("<li>... and ").append(s.moreFailed()).append(" more</li>\n");
            }
            out.append("</ul>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    static String colour(Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> "#2eb886";
            case UNSTABLE -> "#daa038";
            case FAILED -> "#a30200";
            case ABORTED -> "#808080";
        };
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
