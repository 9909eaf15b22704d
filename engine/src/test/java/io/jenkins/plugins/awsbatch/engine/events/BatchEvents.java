package io.jenkins.plugins.awsbatch.engine.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Batch Job State Change events as AWS documents them, for tests. */
final class BatchEvents {
    static final ObjectMapper JSON = new ObjectMapper();

    private BatchEvents() {}

    /** A parent or single job ({@code arraySize} null: a single job). */
    static ObjectNode job(String jobName, String queueArn, String status, String reason, Integer arraySize) {
        ObjectNode event = envelope();
        ObjectNode detail = event.putObject("detail");
        detail.put("jobArn", "arn:aws:batch:us-east-1:123456789012:job/4c7599ae-0a82-49aa-ba5a-4727fcce14a8");
        detail.put("jobName", jobName);
        detail.put("jobId", "4c7599ae-0a82-49aa-ba5a-4727fcce14a8");
        detail.put("jobQueue", queueArn);
        detail.put("status", status);
        if (reason != null) {
            detail.put("statusReason", reason);
        }
        detail.putArray("attempts");
        detail.put("createdAt", 1641944200058L);
        detail.put("stoppedAt", 1641944260058L);
        detail.putArray("dependsOn");
        detail.put("jobDefinition", "arn:aws:batch:us-east-1:123456789012:job-definition/score:1");
        if (arraySize != null) {
            ObjectNode array = detail.putObject("arrayProperties");
            array.putObject("statusSummary").put("FAILED", 1).put("SUCCEEDED", arraySize - 1);
            array.put("size", arraySize);
        }
        return event;
    }

    /** Child {@code index} of an array. */
    static ObjectNode child(String parentName, String queueArn, String status, int index) {
        ObjectNode event = job(parentName, queueArn, status, "Essential container in task exited", null);
        ObjectNode detail = (ObjectNode) event.get("detail");
        detail.put("jobId", detail.get("jobId").asText() + ":" + index);
        detail.putObject("arrayProperties").put("index", index);
        return event;
    }

    private static ObjectNode envelope() {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", "c8f9c4b5-76e5-d76a-f980-7011e206042b");
        event.put("detail-type", "Batch Job State Change");
        event.put("source", "aws.batch");
        event.put("account", "123456789012");
        event.put("time", "2022-01-11T23:36:40Z");
        event.put("region", "us-east-1");
        event.putArray("resources")
                .add("arn:aws:batch:us-east-1:123456789012:job/4c7599ae-0a82-49aa-ba5a-4727fcce14a8");
        return event;
    }
}
