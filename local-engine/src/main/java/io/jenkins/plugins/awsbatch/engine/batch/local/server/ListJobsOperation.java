package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import java.util.List;

/**
 * ListJobs by {@code jobQueue} or {@code arrayJobId}, {@code jobStatus}, {@code filters} (JOB_NAME,
 * JOB_DEFINITION, AFTER_CREATED_AT, BEFORE_CREATED_AT; with a filter every status is listed, as on AWS) and
 * {@code maxResults}/{@code nextToken}. The engine filters and pages.
 */
final class ListJobsOperation implements Operation {
    private final LocalBatchService service;
    private final ArnLookup arns;

    ListJobsOperation(LocalBatchService service, ArnLookup arns) {
        this.service = service;
        this.arns = arns;
    }

    private record Filters(String jobName, String jobDefinition, Long afterCreatedAt, Long beforeCreatedAt) {}

    @Override
    public ObjectNode handle(ApiRequest request) {
        JsonNode body = request.body();
        String queue = Fields.string(body, "", "jobQueue");
        String arrayJobId = Fields.string(body, "", "arrayJobId");
        if (Fields.present(body, "multiNodeJobId")) {
            throw ApiException.client(
                    "multiNodeJobId: multi-node parallel jobs are not supported by the local " + "Batch engine.");
        }
        JobStatus status = Fields.enumValue(body, "", "jobStatus", JobStatus.class);
        Integer maxResults = Fields.integer(body, "", "maxResults");
        String nextToken = Fields.string(body, "", "nextToken");
        Filters filters = filters(body);
        JobPage page = service.listJobs(new ListJobsRequest(
                queue,
                arrayJobId,
                status,
                filters.jobName(),
                maxResults,
                nextToken,
                filters.jobDefinition(),
                filters.afterCreatedAt(),
                filters.beforeCreatedAt()));
        var jobArns = arns.jobArns();
        ObjectNode out = ResponseShapes.object();
        ArrayNode list = out.putArray("jobSummaryList");
        page.jobs().forEach(job -> list.add(ResponseShapes.jobSummary(job, jobArns)));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private static Filters filters(JsonNode body) {
        String jobName = null;
        String jobDefinition = null;
        Long after = null;
        Long before = null;
        List<JsonNode> nodes = Fields.objects(body, "", "filters");
        for (int i = 0; i < nodes.size(); i++) {
            String path = "filters[" + i + "]";
            String name = Fields.requiredString(nodes.get(i), path, "name");
            List<String> values = Fields.strings(nodes.get(i), path, "values");
            if (values == null || values.size() != 1) {
                throw ApiException.client(path + ".values must hold exactly one value.");
            }
            String value = values.get(0);
            switch (name) {
                case "JOB_NAME" -> jobName = value;
                case "AFTER_CREATED_AT" -> after = epochMillis(path, value);
                case "BEFORE_CREATED_AT" -> before = epochMillis(path, value);
                case "JOB_DEFINITION" -> jobDefinition = value;
                case "SHARE_IDENTIFIER" ->
                    throw ApiException.client("The " + name
                            + " filter is not supported by the local Batch engine; use JOB_NAME, JOB_DEFINITION, "
                            + "AFTER_CREATED_AT or BEFORE_CREATED_AT.");
                default ->
                    throw ApiException.client("Invalid filter name " + name
                            + ": expected JOB_NAME, JOB_DEFINITION, BEFORE_CREATED_AT, AFTER_CREATED_AT or "
                            + "SHARE_IDENTIFIER.");
            }
        }
        return new Filters(jobName, jobDefinition, after, before);
    }

    private static long epochMillis(String path, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.client(
                    "Invalid value '" + value + "' for " + path + ".values: expected milliseconds since the epoch.");
        }
    }
}
