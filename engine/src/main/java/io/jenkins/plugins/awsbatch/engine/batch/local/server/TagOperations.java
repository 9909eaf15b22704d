package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.batch.local.JobDefinitionInfo;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import java.util.List;
import java.util.Map;

/**
 * TagResource, ListTagsForResource and UntagResource on {@code /v1/tags/{resourceArn}}. Jobs carry tags in the
 * engine; a job definition's tags (given at registration) can be listed; other resources cannot be tagged.
 */
final class TagOperations {
    private final LocalBatchService service;

    TagOperations(LocalBatchService service) {
        this.service = service;
    }

    void register(Map<String, Operation> operations) {
        operations.put("TagResource", this::tagResource);
        operations.put("ListTagsForResource", this::listTags);
        operations.put("UntagResource", this::untagResource);
    }

    ObjectNode tagResource(ApiRequest request) {
        String arn = jobArn(request);
        Map<String, String> tags = Fields.stringMap(request.body(), "", "tags");
        if (tags == null || tags.isEmpty()) {
            throw ApiException.client("tags is required.");
        }
        service.tagResource(arn, tags);
        return ResponseShapes.object();
    }

    ObjectNode untagResource(ApiRequest request) {
        String arn = jobArn(request);
        List<String> keys = request.query().getOrDefault("tagKeys", List.of());
        if (keys.isEmpty()) {
            throw ApiException.client("tagKeys is required.");
        }
        service.untagResource(arn, keys);
        return ResponseShapes.object();
    }

    ObjectNode listTags(ApiRequest request) {
        String arn = requireArn(request);
        Map<String, String> tags;
        if (arn.contains(":job-definition/")) {
            tags = service.describeJobDefinitions(List.of(arn)).stream()
                    .filter(info -> info.arn().equals(arn)).findFirst()
                    .map(JobDefinitionInfo::definition).map(d -> d.tags())
                    .orElseThrow(() -> ApiException.client("JobDefinition " + arn + " not found."));
        } else {
            tags = service.listTagsForResource(jobArn(request));
        }
        ObjectNode out = ResponseShapes.object();
        ResponseShapes.putStringMap(out, "tags", tags);
        return out;
    }

    private static String jobArn(ApiRequest request) {
        String arn = requireArn(request);
        if (!arn.contains(":job/")) {
            throw ApiException.client("Tagging " + arn + " is not supported by the local Batch engine: only job "
                    + "ARNs can be tagged (job definitions keep the tags given at registration).");
        }
        return arn;
    }

    private static String requireArn(ApiRequest request) {
        String arn = request.resourceArn();
        if (arn == null || arn.isBlank()) {
            throw ApiException.client("resourceArn is required.");
        }
        if (!arn.startsWith("arn:")) {
            throw ApiException.client("Invalid resourceArn " + arn + ".");
        }
        return arn;
    }
}
