package io.jenkins.plugins.awsbatch.engine.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;

/**
 * The Slack incoming-webhook body: a top-level {@code text} (what the phone notification shows) and one
 * attachment whose colour is the outcome, holding Block Kit blocks: header, run facts, stage counts, failed
 * items with their log tails, and the link back. Texts are cut to Block Kit's limits.
 */
public final class SlackPayload {
    static final int HEADER_LIMIT = 150;
    static final int SECTION_LIMIT = 3000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SlackPayload() {}

    /** @param channel optional channel override (honoured by legacy webhooks only) */
    public static String render(NotificationMessage m, String channel) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("text", cut(m.headline(), SECTION_LIMIT));
        if (channel != null && !channel.isBlank()) {
            root.put("channel", channel);
        }
        ObjectNode attachment = root.putArray("attachments").addObject();
        attachment.put("color", HtmlMessage.colour(m.outcome()));
        attachment.put("fallback", cut(m.headline(), SECTION_LIMIT));
        ArrayNode blocks = attachment.putArray("blocks");

        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text")
                .put("type", "plain_text")
                .put("emoji", true)
                .put("text", cut(icon(m.outcome()) + " " + m.runName() + " " + m.outcome(), HEADER_LIMIT));

        ObjectNode facts = blocks.addObject().put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        field(fields, "*Run id*\n`" + esc(m.runId()) + "`");
        field(fields, "*Outcome*\n" + m.outcome());
        field(fields, "*Duration*\n" + m.durationText());
        if (m.reason() != null && !m.reason().isBlank()) {
            field(fields, "*Reason*\n" + esc(cut(m.reason(), 1900)));
        }

        if (!m.stages().isEmpty()) {
            StringBuilder stages = new StringBuilder("*Stages*");
            for (StageSummary s : m.stages()) {
                stages.append("\n• `")
                        .append(esc(s.name()))
                        .append("` ")
                        .append(esc(s.status()))
                        .append(": ")
                        .append(esc(s.countsText()));
                if (s.failedCount() > 0) {
                    stages.append(" - *").append(esc(s.failedText())).append('*');
                }
            }
            section(blocks, stages.toString());
        }

        for (StageSummary s : m.failedStages()) {
            if (s.failedItems().isEmpty()) {
                continue;
            }
            StringBuilder items = new StringBuilder("*Failed items of `" + esc(s.name()) + "`*");
            for (FailedItem item : s.failedItems()) {
                items.append("\n• ").append(esc(PlainTextMessage.itemLine(item)));
                if (!item.logTail().isEmpty()) {
                    items.append("\n```")
                            .append(esc(String.join("\n", item.logTail())).replace("```", "'''"))
                            .append("```");
                }
            }
            if (s.moreFailed() > 0) {
                items.append("\n… and ").append(s.moreFailed()).append(" more");
            }
            section(blocks, items.toString());
        }

        if (m.link() != null) {
            ObjectNode context = blocks.addObject().put("type", "context");
            String url = m.link().replace(">", "%3E").replace("|", "%7C");
            context.putArray("elements")
                    .addObject()
                    .put("type", "mrkdwn")
                    .put("text", "<" + url + "|" + (url.startsWith("http") ? "Open the run" : esc(m.link())) + ">");
        }
        return root.toString();
    }

    private static void field(ArrayNode fields, String text) {
        fields.addObject().put("type", "mrkdwn").put("text", text);
    }

    private static void section(ArrayNode blocks, String text) {
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", cut(text, SECTION_LIMIT));
    }

    private static String icon(Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> ":white_check_mark:";
            case UNSTABLE -> ":warning:";
            case FAILED -> ":x:";
            case ABORTED -> ":no_entry_sign:";
        };
    }

    /** Slack's mrkdwn needs only these three escaped. */
    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String cut(String s, int limit) {
        if (s == null || s.length() <= limit) {
            return s;
        }
        String cut = s.substring(0, limit - 1) + "…";
        // An unclosed code block would swallow the rest of the message.
        return (cut.split("```", -1).length % 2 == 0) ? s.substring(0, limit - 4) + "…```" : cut;
    }
}
