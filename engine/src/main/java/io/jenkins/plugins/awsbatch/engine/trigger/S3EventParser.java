package io.jenkins.plugins.awsbatch.engine.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an SQS message body: an S3 event notification ({@code {"Records": [...]}}), the same wrapped in an SNS
 * envelope ({@code {"Type": "Notification", "Message": "..."}}, when S3 → SNS → SQS), an EventBridge
 * "Object Created" event, or S3's {@code s3:TestEvent}. Anything else is {@link ParsedMessage.Malformed}.
 */
public final class S3EventParser {
    private static final int MAX_ENVELOPES = 2;
    private final ObjectMapper json = new ObjectMapper();

    public ParsedMessage parse(String body) {
        if (body == null || body.isBlank()) {
            return new ParsedMessage.Malformed("empty body");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            return new ParsedMessage.Malformed("not JSON (" + e.getOriginalMessage() + ")");
        }
        for (int i = 0; i < MAX_ENVELOPES && isSnsEnvelope(root); i++) {
            try {
                root = json.readTree(root.get("Message").asText());
            } catch (JsonProcessingException e) {
                return new ParsedMessage.Malformed("SNS envelope whose Message is not JSON");
            }
        }
        if (root == null || !root.isObject()) {
            return new ParsedMessage.Malformed("not a JSON object");
        }
        if ("s3:TestEvent".equals(root.path("Event").asText(null))) {
            return new ParsedMessage.TestEvent(root.path("Bucket").asText(null));
        }
        if (root.has("Records")) {
            return records(root.get("Records"));
        }
        if ("aws.s3".equals(root.path("source").asText(null)) && root.has("detail")) {
            return eventBridge(root);
        }
        return new ParsedMessage.Malformed("neither S3 Records, an SNS envelope, nor an EventBridge S3 event");
    }

    private static boolean isSnsEnvelope(JsonNode node) {
        return node != null
                && node.isObject()
                && "Notification".equals(node.path("Type").asText(null))
                && node.path("Message").isTextual();
    }

    private static ParsedMessage records(JsonNode records) {
        if (!records.isArray() || records.isEmpty()) {
            return new ParsedMessage.Malformed("Records is not a non-empty list");
        }
        List<S3ObjectEvent> events = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            JsonNode s3 = r.path("s3");
            String bucket = s3.path("bucket").path("name").asText(null);
            String key = s3.path("object").path("key").asText(null);
            if (bucket == null || key == null || bucket.isBlank() || key.isEmpty()) {
                return new ParsedMessage.Malformed("Records[" + i + "] has no s3.bucket.name or s3.object.key");
            }
            JsonNode object = s3.path("object");
            events.add(new S3ObjectEvent(
                    bucket,
                    decode(key),
                    object.path("size").asLong(-1),
                    text(object, "eTag"),
                    text(object, "sequencer"),
                    r.path("eventName").asText(null),
                    r.path("eventTime").asText(null)));
        }
        return new ParsedMessage.Objects(events);
    }

    private static ParsedMessage eventBridge(JsonNode root) {
        JsonNode detail = root.get("detail");
        String bucket = detail.path("bucket").path("name").asText(null);
        JsonNode object = detail.path("object");
        String key = object.path("key").asText(null);
        if (bucket == null || key == null) {
            return new ParsedMessage.Malformed("EventBridge S3 event without detail.bucket.name or detail.object.key");
        }
        String type = root.path("detail-type").asText("");
        String eventName = type.equals("Object Created")
                ? "ObjectCreated:" + detail.path("reason").asText("Put")
                : type;
        return new ParsedMessage.Objects(List.of(new S3ObjectEvent(
                bucket,
                key,
                object.path("size").asLong(-1),
                text(object, "etag"),
                text(object, "sequencer"),
                eventName,
                root.path("time").asText(null))));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** S3 notifications form-encode keys ("a+b%2Bc" is "a b+c"). */
    private static String decode(String key) {
        try {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return key;
        }
    }
}
