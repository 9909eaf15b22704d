package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import java.util.ArrayList;
import java.util.List;

/**
 * ListJobs by {@code jobQueue} or {@code arrayJobId}, {@code jobStatus}, {@code filters} (JOB_NAME,
 * AFTER_CREATED_AT, BEFORE_CREATED_AT; with a filter every status is listed, as on AWS) and
 * {@code maxResults}/{@code nextToken}. Without a created-at filter the engine pages; with one, this endpoint
 * reads every match from the engine and pages them itself with its own token.
 */
final class ListJobsOperation implements Operation {
    private static final int ENGINE_PAGE = 1000;
    private static final int MAX_PAGE = 1000;
    private static final int FILTERED_DEFAULT_PAGE = 100;

    private final LocalBatchService service;
    private final ArnLookup arns;

    ListJobsOperation(LocalBatchService service, ArnLookup arns) {
        this.service = service;
        this.arns = arns;
    }

    private record Filters(String jobName, Long afterCreatedAt, Long beforeCreatedAt) {
        boolean byCreatedAt() {
            return afterCreatedAt != null || beforeCreatedAt != null;
        }
    }

    @Override
    public ObjectNode handle(ApiRequest request) {
        JsonNode body = request.body();
        String queue = Fields.string(body, "", "jobQueue");
        String arrayJobId = Fields.string(body, "", "arrayJobId");
        if (Fields.present(body, "multiNodeJobId")) {
            throw ApiException.client("multiNodeJobId: multi-node parallel jobs are not supported by the local "
                    + "Batch engine.");
        }
        JobStatus status = Fields.enumValue(body, "", "jobStatus", JobStatus.class);
        Integer maxResults = Fields.integer(body, "", "maxResults");
        String nextToken = Fields.string(body, "", "nextToken");
        Filters filters = filters(body);
        List<JobSummary> jobs;
        String token;
        if (!filters.byCreatedAt()) {
            JobPage page = service.listJobs(new ListJobsRequest(queue, arrayJobId, status, filters.jobName(),
                    maxResults, nextToken));
            jobs = page.jobs();
            token = page.nextToken();
        } else {
            // "*" lists every status, as AWS does whenever a filter is given
            String nameFilter = filters.jobName() == null ? "*" : filters.jobName();
            List<JobSummary> matches = new ArrayList<>();
            String engineToken = null;
            do {
                JobPage page = service.listJobs(new ListJobsRequest(queue, arrayJobId, null, nameFilter, ENGINE_PAGE,
                        engineToken));
                for (JobSummary job : page.jobs()) {
                    if ((filters.afterCreatedAt() == null || job.createdAt() > filters.afterCreatedAt())
                            && (filters.beforeCreatedAt() == null || job.createdAt() < filters.beforeCreatedAt())) {
                        matches.add(job);
                    }
                }
                engineToken = page.nextToken();
            } while (engineToken != null);
            var page = OffsetToken.page(matches, "jobs", maxResults, FILTERED_DEFAULT_PAGE, MAX_PAGE, nextToken);
            jobs = page.items();
            token = page.nextToken();
        }
        var jobArns = arns.jobArns();
        ObjectNode out = ResponseShapes.object();
        ArrayNode list = out.putArray("jobSummaryList");
        jobs.forEach(job -> list.add(ResponseShapes.jobSummary(job, jobArns)));
        if (token != null) {
            out.put("nextToken", token);
        }
        return out;
    }

    private static Filters filters(JsonNode body) {
        String jobName = null;
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
                case "JOB_DEFINITION", "SHARE_IDENTIFIER" -> throw ApiException.client("The " + name
                        + " filter is not supported by the local Batch engine; use JOB_NAME, AFTER_CREATED_AT or "
                        + "BEFORE_CREATED_AT.");
                default -> throw ApiException.client("Invalid filter name " + name
                        + ": expected JOB_NAME, JOB_DEFINITION, BEFORE_CREATED_AT, AFTER_CREATED_AT or "
                        + "SHARE_IDENTIFIER.");
            }
        }
        return new Filters(jobName, after, before);
    }

    private static long epochMillis(String path, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.client("Invalid value '" + value + "' for " + path
                    + ".values: expected milliseconds since the epoch.");
        }
    }
}
