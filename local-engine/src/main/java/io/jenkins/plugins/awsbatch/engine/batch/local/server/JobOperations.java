package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobResult;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobValidator;
import io.jenkins.plugins.awsbatch.engine.batch.local.JobSpecView;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SubmitJob, DescribeJobs, CancelJob and TerminateJob. */
final class JobOperations {
    private final LocalBatchService service;
    private final ArnLookup arns;

    JobOperations(LocalBatchService service, ArnLookup arns) {
        this.service = service;
        this.arns = arns;
    }

    void register(Map<String, Operation> operations) {
        operations.put("SubmitJob", this::submitJob);
        operations.put("DescribeJobs", this::describeJobs);
        operations.put("CancelJob", this::cancelJob);
        operations.put("TerminateJob", this::terminateJob);
    }

    /** Refuses what AWS Batch refuses at SubmitJob (the same rules the engine checks before calling AWS). */
    ObjectNode submitJob(ApiRequest request) {
        SubmitJobRequest submit = RequestShapes.submitJob(request.body());
        SubmitJobValidator.validate(submit);
        SubmitJobResult result = service.submitJob(submit);
        ObjectNode out = ResponseShapes.object();
        out.put("jobArn", result.jobArn());
        out.put("jobName", result.jobName());
        out.put("jobId", result.jobId());
        return out;
    }

    ObjectNode describeJobs(ApiRequest request) {
        List<String> ids = Fields.strings(request.body(), "", "jobs");
        if (ids == null) {
            throw ApiException.client("jobs is required.");
        }
        List<JobDetail> jobs = service.describeJobs(ids);
        Map<String, JobSpecView> specs = new HashMap<>();
        service.describeJobSpecs(ids).forEach(spec -> specs.put(spec.jobId(), spec));
        var queueArns = arns.queueArns();
        var jobArns = arns.jobArns();
        ObjectNode out = ResponseShapes.object();
        ArrayNode list = out.putArray("jobs");
        jobs.forEach(job -> list.add(ResponseShapes.jobDetail(job, specs.get(job.jobId()), jobArns, queueArns)));
        return out;
    }

    ObjectNode cancelJob(ApiRequest request) {
        service.cancelJob(
                Fields.requiredString(request.body(), "", "jobId"),
                Fields.requiredString(request.body(), "", "reason"));
        return ResponseShapes.object();
    }

    ObjectNode terminateJob(ApiRequest request) {
        service.terminateJob(
                Fields.requiredString(request.body(), "", "jobId"),
                Fields.requiredString(request.body(), "", "reason"));
        return ResponseShapes.object();
    }
}
