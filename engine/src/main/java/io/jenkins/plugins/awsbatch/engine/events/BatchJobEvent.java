package io.jenkins.plugins.awsbatch.engine.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A Batch Job State Change event in the shape AWS Batch sends to EventBridge: {@code version}, {@code id},
 * {@code detail-type}, {@code source}, {@code account}, {@code time}, {@code region}, {@code resources} (the job
 * ARN) and {@code detail}, the job as DescribeJobs describes it (ARNs for the job and its queue, epoch
 * milliseconds, {@code arrayProperties} with {@code size} and {@code statusSummary} on a parent and {@code index}
 * on a child, the container's exit code and reason).
 */
public final class BatchJobEvent {
    private BatchJobEvent() {}

    /**
     * @param jobArn   the job's ARN
     * @param queueArn its queue's ARN
     */
    public static ObjectNode of(
            JobDetail job,
            String jobArn,
            String queueArn,
            String region,
            String account,
            Instant time,
            ObjectMapper json) {
        ObjectNode event = json.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", BatchEventPattern.DETAIL_TYPE);
        event.put("source", BatchEventPattern.SOURCE);
        event.put("account", account);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add(jobArn);
        ObjectNode detail = event.putObject("detail");
        detail.put("jobArn", jobArn);
        detail.put("jobName", job.jobName());
        detail.put("jobId", job.jobId());
        detail.put("jobQueue", queueArn);
        detail.put("status", job.status().name());
        if (job.statusReason() != null) {
            detail.put("statusReason", job.statusReason());
        }
        var attempts = detail.putArray("attempts");
        for (JobAttempt attempt : job.attempts()) {
            ObjectNode a = attempts.addObject();
            ObjectNode container = a.putObject("container");
            if (attempt.exitCode() != null) {
                container.put("exitCode", attempt.exitCode());
            }
            if (attempt.logStreamName() != null) {
                container.put("logStreamName", attempt.logStreamName());
            }
            if (attempt.startedAt() != null) {
                a.put("startedAt", attempt.startedAt());
            }
            if (attempt.stoppedAt() != null) {
                a.put("stoppedAt", attempt.stoppedAt());
            }
            if (attempt.reason() != null) {
                container.put("reason", attempt.reason());
            }
        }
        detail.put("createdAt", job.createdAt());
        if (job.startedAt() != null) {
            detail.put("startedAt", job.startedAt());
        }
        if (job.stoppedAt() != null) {
            detail.put("stoppedAt", job.stoppedAt());
        }
        var dependsOn = detail.putArray("dependsOn");
        job.dependsOn().forEach(d -> {
            ObjectNode o = dependsOn.addObject();
            if (d.jobId() != null) {
                o.put("jobId", d.jobId());
            }
            if (d.type() != null) {
                o.put("type", d.type().name());
            }
        });
        detail.put("jobDefinition", job.jobDefinition());
        if (job.isArrayParent()) {
            ObjectNode array = detail.putObject("arrayProperties");
            ObjectNode summary = array.putObject("statusSummary");
            for (JobStatus status : JobStatus.values()) {
                summary.put(status.name(), job.statusSummary().getOrDefault(status, 0));
            }
            array.put("size", job.arraySize());
        } else {
            if (job.arrayIndex() != null) {
                detail.putObject("arrayProperties").put("index", job.arrayIndex());
            }
            ObjectNode container = detail.putObject("container");
            if (job.exitCode() != null) {
                container.put("exitCode", job.exitCode());
            }
            if (job.logStreamName() != null) {
                container.put("logStreamName", job.logStreamName());
            }
        }
        if (!job.tags().isEmpty()) {
            ObjectNode tags = detail.putObject("tags");
            job.tags().forEach(tags::put);
        }
        return event;
    }
}
