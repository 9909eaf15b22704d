package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.batch.JobDefinition;
import io.jenkins.plugins.awsbatch.engine.batch.local.ComputeEnvironmentInfo;
import io.jenkins.plugins.awsbatch.engine.batch.local.JobDefinitionInfo;
import io.jenkins.plugins.awsbatch.engine.batch.local.JobQueueInfo;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Compute environments, job queues and job definitions. */
final class AdminOperations {
    private static final int DESCRIBE_PAGE = 100;

    private final LocalBatchService service;
    private final ArnLookup arns;

    AdminOperations(LocalBatchService service, ArnLookup arns) {
        this.service = service;
        this.arns = arns;
    }

    void register(Map<String, Operation> operations) {
        operations.put("CreateComputeEnvironment", this::createComputeEnvironment);
        operations.put("DescribeComputeEnvironments", this::describeComputeEnvironments);
        operations.put("CreateJobQueue", this::createJobQueue);
        operations.put("DescribeJobQueues", this::describeJobQueues);
        operations.put("RegisterJobDefinition", this::registerJobDefinition);
        operations.put("DescribeJobDefinitions", this::describeJobDefinitions);
        operations.put("DeregisterJobDefinition", this::deregisterJobDefinition);
    }

    ObjectNode createComputeEnvironment(ApiRequest request) {
        JsonNode body = request.body();
        String name = Fields.requiredString(body, "", "computeEnvironmentName");
        String type = Fields.requiredString(body, "", "type").toUpperCase(Locale.ROOT);
        if (!type.equals("MANAGED") && !type.equals("UNMANAGED")) {
            throw ApiException.client("Invalid value '" + type + "' for type: expected one of MANAGED, UNMANAGED.");
        }
        checkState(body);
        ComputeEnvironmentInfo ce = service.createComputeEnvironment(name, type, Fields.stringMap(body, "", "tags"));
        ObjectNode out = ResponseShapes.object();
        out.put("computeEnvironmentName", ce.name());
        out.put("computeEnvironmentArn", ce.arn());
        return out;
    }

    ObjectNode describeComputeEnvironments(ApiRequest request) {
        JsonNode body = request.body();
        List<String> wanted = Fields.strings(body, "", "computeEnvironments");
        List<ComputeEnvironmentInfo> all = new ArrayList<>();
        for (ComputeEnvironmentInfo ce : service.describeComputeEnvironments()) {
            if (wanted == null || wanted.isEmpty() || wanted.contains(ce.name()) || wanted.contains(ce.arn())) {
                all.add(ce);
            }
        }
        var page = OffsetToken.page(
                all,
                "ce",
                Fields.integer(body, "", "maxResults"),
                DESCRIBE_PAGE,
                DESCRIBE_PAGE,
                Fields.string(body, "", "nextToken"));
        ObjectNode out = ResponseShapes.object();
        ArrayNode list = out.putArray("computeEnvironments");
        page.items().forEach(ce -> list.add(ResponseShapes.computeEnvironment(ce)));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    ObjectNode createJobQueue(ApiRequest request) {
        JsonNode body = request.body();
        String name = Fields.requiredString(body, "", "jobQueueName");
        Integer priority = Fields.integer(body, "", "priority");
        if (priority == null) {
            throw ApiException.client("priority is required.");
        }
        checkState(body);
        record Entry(int order, String computeEnvironment) {}
        List<Entry> entries = new ArrayList<>();
        List<JsonNode> nodes = Fields.objects(body, "", "computeEnvironmentOrder");
        for (int i = 0; i < nodes.size(); i++) {
            String path = "computeEnvironmentOrder[" + i + "]";
            Integer order = Fields.integer(nodes.get(i), path, "order");
            entries.add(new Entry(
                    order == null ? i : order, Fields.requiredString(nodes.get(i), path, "computeEnvironment")));
        }
        entries.sort(Comparator.comparingInt(Entry::order));
        JobQueueInfo queue = service.createJobQueue(
                name,
                priority,
                entries.stream().map(Entry::computeEnvironment).toList(),
                Fields.stringMap(body, "", "tags"));
        ObjectNode out = ResponseShapes.object();
        out.put("jobQueueName", queue.name());
        out.put("jobQueueArn", queue.arn());
        return out;
    }

    ObjectNode describeJobQueues(ApiRequest request) {
        JsonNode body = request.body();
        List<String> wanted = Fields.strings(body, "", "jobQueues");
        List<JobQueueInfo> all = new ArrayList<>();
        for (JobQueueInfo queue : service.describeJobQueues()) {
            if (wanted == null || wanted.isEmpty() || wanted.contains(queue.name()) || wanted.contains(queue.arn())) {
                all.add(queue);
            }
        }
        var page = OffsetToken.page(
                all,
                "jq",
                Fields.integer(body, "", "maxResults"),
                DESCRIBE_PAGE,
                DESCRIBE_PAGE,
                Fields.string(body, "", "nextToken"));
        var ceArns = arns.computeEnvironmentArns();
        ObjectNode out = ResponseShapes.object();
        ArrayNode list = out.putArray("jobQueues");
        page.items().forEach(q -> list.add(ResponseShapes.jobQueue(q, ceArns)));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    ObjectNode registerJobDefinition(ApiRequest request) {
        JobDefinition registered = service.registerJobDefinition(RequestShapes.jobDefinition(request.body()));
        String arn = service.describeJobDefinitions(List.of(registered.nameWithRevision())).stream()
                .map(JobDefinitionInfo::arn)
                .findFirst()
                .orElseThrow(() -> ApiException.server("The registered job definition could not be read back."));
        ObjectNode out = ResponseShapes.object();
        out.put("jobDefinitionName", registered.name());
        out.put("jobDefinitionArn", arn);
        out.put("revision", registered.revision());
        return out;
    }

    ObjectNode describeJobDefinitions(ApiRequest request) {
        JsonNode body = request.body();
        List<String> references = Fields.strings(body, "", "jobDefinitions");
        String name = Fields.string(body, "", "jobDefinitionName");
        String status = Fields.string(body, "", "status");
        if (status != null && !status.equals(JobDefinitionInfo.ACTIVE) && !status.equals(JobDefinitionInfo.INACTIVE)) {
            throw ApiException.client("Invalid value '" + status + "' for status: expected ACTIVE or INACTIVE.");
        }
        List<String> query =
                references != null && !references.isEmpty() ? references : name != null ? List.of(name) : List.of();
        List<JobDefinitionInfo> all = new ArrayList<>();
        for (JobDefinitionInfo info : service.describeJobDefinitions(query)) {
            boolean nameMatches = name == null || info.definition().name().equals(name);
            if (nameMatches && (status == null || status.equals(info.status()))) {
                all.add(info);
            }
        }
        var page = OffsetToken.page(
                all,
                "jd",
                Fields.integer(body, "", "maxResults"),
                DESCRIBE_PAGE,
                DESCRIBE_PAGE,
                Fields.string(body, "", "nextToken"));
        ObjectNode out = ResponseShapes.object();
        ArrayNode list = out.putArray("jobDefinitions");
        page.items().forEach(info -> list.add(ResponseShapes.jobDefinition(info)));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    ObjectNode deregisterJobDefinition(ApiRequest request) {
        service.deregisterJobDefinition(Fields.requiredString(request.body(), "", "jobDefinition"));
        return ResponseShapes.object();
    }

    private static void checkState(JsonNode body) {
        String state = Fields.string(body, "", "state");
        if (state != null && !state.equals("ENABLED")) {
            throw ApiException.client(
                    "Invalid value '" + state + "' for state: the local Batch engine supports ENABLED only.");
        }
    }
}
