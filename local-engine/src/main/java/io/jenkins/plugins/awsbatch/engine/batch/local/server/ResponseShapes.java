package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.batch.EvaluateOnExit;
import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import io.jenkins.plugins.awsbatch.engine.batch.JobDefinition;
import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import io.jenkins.plugins.awsbatch.engine.batch.local.ComputeEnvironmentInfo;
import io.jenkins.plugins.awsbatch.engine.batch.local.JobDefinitionInfo;
import io.jenkins.plugins.awsbatch.engine.batch.local.JobQueueInfo;
import io.jenkins.plugins.awsbatch.engine.batch.local.JobSpecView;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Writes the engine's views as AWS Batch response shapes: AWS's field names, epoch-millisecond times, absent
 * fields left out (never {@code null}).
 */
final class ResponseShapes {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ResponseShapes() {}

    static ObjectNode object() {
        return JSON.objectNode();
    }

    /**
     * @param spec     what the job was submitted with (container, retry strategy, timeout, parameters); null: left out
     * @param jobArn   job id → job ARN
     * @param queueArn queue name → queue ARN
     */
    static ObjectNode jobDetail(
            JobDetail job, JobSpecView spec, UnaryOperator<String> jobArn, UnaryOperator<String> queueArn) {
        ObjectNode out = JSON.objectNode();
        out.put("jobArn", jobArn.apply(job.jobId()));
        out.put("jobName", job.jobName());
        out.put("jobId", job.jobId());
        out.put("jobQueue", queueArn.apply(job.jobQueue()));
        out.put("status", job.status().name());
        putIfSet(out, "statusReason", job.statusReason());
        out.put("createdAt", job.createdAt());
        putIfSet(out, "startedAt", job.startedAt());
        putIfSet(out, "stoppedAt", job.stoppedAt());
        out.put("jobDefinition", job.jobDefinition());
        ArrayNode attempts = out.putArray("attempts");
        for (JobAttempt attempt : job.attempts()) {
            attempts.add(attempt(attempt));
        }
        ArrayNode dependsOn = out.putArray("dependsOn");
        for (JobDependency dependency : job.dependsOn()) {
            ObjectNode d = dependsOn.addObject();
            putIfSet(d, "jobId", dependency.jobId());
            if (dependency.type() != null) {
                d.put("type", dependency.type().name());
            }
        }
        if (job.isArrayParent()) {
            ObjectNode array = out.putObject("arrayProperties");
            ObjectNode summary = array.putObject("statusSummary");
            for (JobStatus status : JobStatus.values()) {
                summary.put(status.name(), job.statusSummary().getOrDefault(status, 0));
            }
            array.put("size", job.arraySize());
        } else if (job.arrayIndex() != null) {
            out.putObject("arrayProperties").put("index", job.arrayIndex());
        }
        if (spec != null || !job.isArrayParent()) {
            ObjectNode container = out.putObject("container");
            if (spec != null) {
                putIfSet(container, "image", spec.image());
                ArrayNode command = container.putArray("command");
                spec.command().forEach(command::add);
                keyValuePairs(container.putArray("environment"), new TreeMap<>(spec.environment()));
                ArrayNode resources = container.putArray("resourceRequirements");
                for (ResourceRequirement r : spec.resourceRequirements()) {
                    resources.addObject().put("value", r.value()).put("type", r.type());
                }
            }
            if (!job.isArrayParent()) {
                putIfSet(container, "exitCode", job.exitCode());
                putIfSet(container, "reason", lastAttemptReason(job.attempts()));
                putIfSet(container, "logStreamName", job.logStreamName());
            }
        }
        if (spec != null) {
            if (spec.retryStrategy() != null) {
                out.set("retryStrategy", retryStrategy(spec.retryStrategy()));
            }
            if (spec.timeoutSeconds() != null) {
                out.putObject("timeout").put("attemptDurationSeconds", spec.timeoutSeconds());
            }
            putStringMap(out, "parameters", spec.parameters());
            out.put("propagateTags", spec.propagateTags());
        }
        putStringMap(out, "tags", job.tags());
        out.put("isCancelled", job.cancelled());
        out.put("isTerminated", job.terminated());
        out.putArray("platformCapabilities").add("EC2");
        return out;
    }

    static ObjectNode jobSummary(JobSummary job, UnaryOperator<String> jobArn) {
        ObjectNode out = JSON.objectNode();
        out.put("jobArn", jobArn.apply(job.jobId()));
        out.put("jobId", job.jobId());
        out.put("jobName", job.jobName());
        out.put("createdAt", job.createdAt());
        out.put("status", job.status().name());
        putIfSet(out, "statusReason", job.statusReason());
        putIfSet(out, "startedAt", job.startedAt());
        putIfSet(out, "stoppedAt", job.stoppedAt());
        if (job.exitCode() != null) {
            out.putObject("container").put("exitCode", job.exitCode());
        }
        if (job.arrayIndex() != null || job.arraySize() != null) {
            ObjectNode array = out.putObject("arrayProperties");
            putIfSet(array, "size", job.arraySize());
            putIfSet(array, "index", job.arrayIndex());
        }
        putIfSet(out, "jobDefinition", job.jobDefinition());
        return out;
    }

    static ObjectNode jobDefinition(JobDefinitionInfo info) {
        JobDefinition d = info.definition();
        ObjectNode out = JSON.objectNode();
        out.put("jobDefinitionName", d.name());
        out.put("jobDefinitionArn", info.arn());
        out.put("revision", d.revision());
        out.put("status", info.status());
        out.put("type", "container");
        putStringMap(out, "parameters", d.parameters());
        if (d.retryStrategy() != null) {
            out.set("retryStrategy", retryStrategy(d.retryStrategy()));
        }
        ObjectNode container = out.putObject("containerProperties");
        putIfSet(container, "image", d.image());
        ArrayNode command = container.putArray("command");
        d.command().forEach(command::add);
        keyValuePairs(container.putArray("environment"), d.environment());
        ArrayNode resources = container.putArray("resourceRequirements");
        for (ResourceRequirement r : d.resourceRequirements()) {
            resources.addObject().put("value", r.value()).put("type", r.type());
        }
        if (d.timeoutSeconds() != null) {
            out.putObject("timeout").put("attemptDurationSeconds", d.timeoutSeconds());
        }
        putStringMap(out, "tags", d.tags());
        out.put("propagateTags", d.propagateTags());
        out.putArray("platformCapabilities").add("EC2");
        out.put("containerOrchestrationType", "ECS");
        return out;
    }

    static ObjectNode computeEnvironment(ComputeEnvironmentInfo ce) {
        ObjectNode out = JSON.objectNode();
        out.put("computeEnvironmentName", ce.name());
        out.put("computeEnvironmentArn", ce.arn());
        out.put("type", ce.type());
        out.put("state", ce.state());
        out.put("status", ce.status());
        out.put("statusReason", "ComputeEnvironment Healthy");
        putStringMap(out, "tags", ce.tags());
        out.put("containerOrchestrationType", "ECS");
        return out;
    }

    static ObjectNode jobQueue(JobQueueInfo queue, UnaryOperator<String> computeEnvironmentArn) {
        ObjectNode out = JSON.objectNode();
        out.put("jobQueueName", queue.name());
        out.put("jobQueueArn", queue.arn());
        out.put("state", queue.state());
        out.put("status", "VALID");
        out.put("statusReason", "JobQueue Healthy");
        out.put("priority", queue.priority());
        ArrayNode order = out.putArray("computeEnvironmentOrder");
        List<String> ces = queue.computeEnvironments();
        for (int i = 0; i < ces.size(); i++) {
            order.addObject().put("order", i + 1).put("computeEnvironment", computeEnvironmentArn.apply(ces.get(i)));
        }
        putStringMap(out, "tags", queue.tags());
        out.put("jobQueueType", "ECS");
        return out;
    }

    static ObjectNode retryStrategy(RetryStrategy strategy) {
        ObjectNode out = JSON.objectNode();
        out.put("attempts", strategy.attempts());
        ArrayNode rules = out.putArray("evaluateOnExit");
        for (EvaluateOnExit rule : strategy.evaluateOnExit()) {
            ObjectNode r = rules.addObject();
            putIfSet(r, "onStatusReason", rule.onStatusReason());
            putIfSet(r, "onReason", rule.onReason());
            putIfSet(r, "onExitCode", rule.onExitCode());
            r.put("action", rule.action().name());
        }
        return out;
    }

    static void putStringMap(ObjectNode parent, String field, Map<String, String> values) {
        ObjectNode map = parent.putObject(field);
        values.forEach(map::put);
    }

    private static ObjectNode attempt(JobAttempt attempt) {
        ObjectNode out = JSON.objectNode();
        ObjectNode container = out.putObject("container");
        putIfSet(container, "exitCode", attempt.exitCode());
        putIfSet(container, "reason", attempt.reason());
        putIfSet(container, "logStreamName", attempt.logStreamName());
        putIfSet(out, "startedAt", attempt.startedAt());
        putIfSet(out, "stoppedAt", attempt.stoppedAt());
        putIfSet(out, "statusReason", attempt.reason());
        return out;
    }

    private static String lastAttemptReason(List<JobAttempt> attempts) {
        return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).reason();
    }

    private static void keyValuePairs(ArrayNode into, Map<String, String> values) {
        values.forEach((name, value) -> into.addObject().put("name", name).put("value", value));
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIfSet(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIfSet(ObjectNode node, String field, Integer value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
