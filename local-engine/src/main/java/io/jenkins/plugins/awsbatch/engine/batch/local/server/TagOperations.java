package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import java.util.List;
import java.util.Map;

/**
 * TagResource, ListTagsForResource and UntagResource on {@code /v1/tags/{resourceArn}}: jobs, job queues, compute
 * environments and job definition revisions keep their tags in the engine (and its snapshots).
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
        String arn = requireArn(request);
        Map<String, String> tags = Fields.stringMap(request.body(), "", "tags");
        if (tags == null || tags.isEmpty()) {
            throw ApiException.client("tags is required.");
        }
        service.tagResource(arn, tags);
        return ResponseShapes.object();
    }

    ObjectNode untagResource(ApiRequest request) {
        String arn = requireArn(request);
        List<String> keys = request.query().getOrDefault("tagKeys", List.of());
        if (keys.isEmpty()) {
            throw ApiException.client("tagKeys is required.");
        }
        service.untagResource(arn, keys);
        return ResponseShapes.object();
    }

    ObjectNode listTags(ApiRequest request) {
        Map<String, String> tags = service.listTagsForResource(requireArn(request));
        ObjectNode out = ResponseShapes.object();
        ResponseShapes.putStringMap(out, "tags", tags);
        return out;
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
