package io.jenkins.plugins.awsbatch.engine.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The EventBridge event pattern of a graph's rule, and the same test applied to an event here (the local engine
 * has no EventBridge). It matches Batch Job State Change events of the graph's queues whose job is not an array
 * child ({@code detail.arrayProperties.index} absent: one event per array parent, none per child) and that are
 * FAILED with a job name starting {@code <graph>-}, or, when the graph notifies on success, SUCCEEDED with a job
 * name of its last stage.
 */
public final class BatchEventPattern {
    public static final String SOURCE = "aws.batch";
    public static final String DETAIL_TYPE = "Batch Job State Change";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EventRuleSpec spec;

    public BatchEventPattern(EventRuleSpec spec) {
        this.spec = spec;
    }

    /** The pattern as PutRule takes it. */
    public ObjectNode json() {
        ObjectNode pattern = JSON.objectNode();
        pattern.putArray("source").add(SOURCE);
        pattern.putArray("detail-type").add(DETAIL_TYPE);
        ObjectNode detail = pattern.putObject("detail");
        ArrayNode queues = detail.putArray("jobQueue");
        spec.queueArns().forEach(queues::add);
        detail.putObject("arrayProperties").putArray("index").addObject().put("exists", false);
        ObjectNode failed = JSON.objectNode();
        failed.putArray("status").add("FAILED");
        failed.putArray("jobName").addObject().put("prefix", spec.jobNamePrefix());
        if (spec.successStage() == null) {
            detail.setAll(failed);
        } else {
            ObjectNode succeeded = JSON.objectNode();
            succeeded.putArray("status").add("SUCCEEDED");
            succeeded.putArray("jobName").addObject().put("wildcard", spec.successJobNames());
            detail.putArray("$or").add(failed).add(succeeded);
        }
        return pattern;
    }

    /** Whether EventBridge would send {@code event} to the rule's targets. */
    public boolean matches(JsonNode event) {
        JsonNode detail = event.path("detail");
        if (!SOURCE.equals(event.path("source").asText())
                || !DETAIL_TYPE.equals(event.path("detail-type").asText())
                || !spec.queueArns().contains(detail.path("jobQueue").asText())
                || detail.path("arrayProperties").has("index")) {
            return false;
        }
        String status = detail.path("status").asText();
        String name = detail.path("jobName").asText();
        if ("FAILED".equals(status)) {
            return name.startsWith(spec.jobNamePrefix());
        }
        return "SUCCEEDED".equals(status) && spec.successStage() != null && wildcard(spec.successJobNames(), name);
    }

    /** EventBridge's {@code wildcard}: '*' is any run of characters, everything else literal. */
    static boolean wildcard(String pattern, String text) {
        return text.matches(java.util.Arrays.stream(pattern.split("\\*", -1))
                .map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*")));
    }
}
