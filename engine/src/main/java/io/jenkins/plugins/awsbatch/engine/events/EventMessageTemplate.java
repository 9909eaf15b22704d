package io.jenkins.plugins.awsbatch.engine.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input transformer of the rule's target: what a subscriber receives instead of the whole event, a small
 * JSON object with the job's name, id, queue, status and reason, when it happened and a console link:
 * <pre>{"source": "batchgraph", "graph": "recs", "jobName": "recs-20250101-...-score-0", "jobId": "...",
 *  "status": "FAILED", "statusReason": "Array Child Job failed", "queue": "arn:...:job-queue/fast",
 *  "at": "2025-01-01T03:04:05Z", "console": "https://eu-west-1.console.aws.amazon.com/batch/home?..."}</pre>
 * The local engine renders the same object from its own events ({@link #render}).
 */
public final class EventMessageTemplate {
    /** Placeholder → JSON path in the event (EventBridge's InputPathsMap). */
    public static final Map<String, String> PATHS = paths();

    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z]+)>");

    private final Map<String, String> fields = new LinkedHashMap<>();

    public EventMessageTemplate(String graphName) {
        fields.put("source", "batchgraph");
        fields.put("graph", graphName);
        fields.put("jobName", "<jobName>");
        fields.put("jobId", "<jobId>");
        fields.put("status", "<status>");
        fields.put("statusReason", "<statusReason>");
        fields.put("queue", "<queue>");
        fields.put("at", "<at>");
        fields.put("console", "https://<region>.console.aws.amazon.com/batch/home?region=<region>#jobs/detail/<jobId>");
    }

    private static Map<String, String> paths() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("jobName", "$.detail.jobName");
        paths.put("jobId", "$.detail.jobId");
        paths.put("status", "$.detail.status");
        paths.put("statusReason", "$.detail.statusReason");
        paths.put("queue", "$.detail.jobQueue");
        paths.put("at", "$.time");
        paths.put("region", "$.region");
        return java.util.Collections.unmodifiableMap(paths);
    }

    /** The InputTemplate: a JSON object whose string values hold the placeholders. */
    public String inputTemplate(ObjectMapper json) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What EventBridge sends for {@code event}: every placeholder replaced by the event's value ("" when absent). */
    public ObjectNode render(JsonNode event, ObjectMapper json) {
        ObjectNode out = json.createObjectNode();
        fields.forEach((field, template) -> {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder value = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(value, Matcher.quoteReplacement(valueAt(event, PATHS.get(m.group(1)))));
            }
            m.appendTail(value);
            out.put(field, value.toString());
        });
        return out;
    }

    private static String valueAt(JsonNode event, String path) {
        JsonNode node = event;
        for (String part : path.substring(2).split("\\.")) {
            node = node.path(part);
        }
        return node.isValueNode() ? node.asText() : "";
    }
}
