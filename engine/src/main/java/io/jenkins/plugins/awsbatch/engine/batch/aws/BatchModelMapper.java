package io.jenkins.plugins.awsbatch.engine.batch.aws;

import io.jenkins.plugins.awsbatch.engine.batch.DependencyType;
import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.batch.model.ArrayProperties;
import software.amazon.awssdk.services.batch.model.AttemptDetail;
import software.amazon.awssdk.services.batch.model.ConsumableResourceProperties;
import software.amazon.awssdk.services.batch.model.ContainerOverrides;
import software.amazon.awssdk.services.batch.model.EvaluateOnExit;
import software.amazon.awssdk.services.batch.model.JobTimeout;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.batch.model.KeyValuesPair;
import software.amazon.awssdk.services.batch.model.RetryStrategy;

/** Translates between the engine's Batch types and the SDK's. Null or empty engine fields are not sent. */
final class BatchModelMapper {
    private BatchModelMapper() {}

    static software.amazon.awssdk.services.batch.model.SubmitJobRequest toSdk(SubmitJobRequest r) {
        var b = software.amazon.awssdk.services.batch.model.SubmitJobRequest.builder()
                .jobName(r.jobName())
                .jobQueue(r.jobQueue())
                .jobDefinition(r.jobDefinition());
        if (r.arraySize() != null) {
            b.arrayProperties(ArrayProperties.builder().size(r.arraySize()).build());
        }
        if (!r.dependsOn().isEmpty()) {
            b.dependsOn(r.dependsOn().stream().map(BatchModelMapper::toSdk).toList());
        }
        ContainerOverrides overrides = containerOverrides(r);
        if (overrides != null) {
            b.containerOverrides(overrides);
        }
        if (!r.parameters().isEmpty()) {
            b.parameters(r.parameters());
        }
        if (r.retryStrategy() != null) {
            RetryStrategy.Builder rs =
                    RetryStrategy.builder().attempts(r.retryStrategy().attempts());
            if (!r.retryStrategy().evaluateOnExit().isEmpty()) {
                rs.evaluateOnExit(r.retryStrategy().evaluateOnExit().stream()
                        .map(BatchModelMapper::toSdk)
                        .toList());
            }
            b.retryStrategy(rs.build());
        }
        if (r.timeoutSeconds() != null) {
            b.timeout(JobTimeout.builder()
                    .attemptDurationSeconds(r.timeoutSeconds())
                    .build());
        }
        if (!r.tags().isEmpty()) {
            b.tags(r.tags());
        }
        if (r.propagateTags()) {
            b.propagateTags(true);
        }
        if (r.shareIdentifier() != null) {
            b.shareIdentifier(r.shareIdentifier());
        }
        if (r.schedulingPriorityOverride() != null) {
            b.schedulingPriorityOverride(r.schedulingPriorityOverride());
        }
        if (!r.consumableResources().isEmpty()) {
            b.consumableResourcePropertiesOverride(ConsumableResourceProperties.builder()
                    .consumableResourceList(r.consumableResources().stream()
                            .map(c ->
                                    software.amazon.awssdk.services.batch.model.ConsumableResourceRequirement.builder()
                                            .consumableResource(c.consumableResource())
                                            .quantity(c.quantity())
                                            .build())
                            .toList())
                    .build());
        }
        return b.build();
    }

    private static ContainerOverrides containerOverrides(SubmitJobRequest r) {
        if (r.command() == null
                && r.environment().isEmpty()
                && r.resourceRequirements().isEmpty()) {
            return null;
        }
        ContainerOverrides.Builder c = ContainerOverrides.builder();
        if (r.command() != null) {
            c.command(r.command());
        }
        if (!r.environment().isEmpty()) {
            // Sorted, so the request is the same for the same input (reproducible, comparable in tests).
            c.environment(new java.util.TreeMap<>(r.environment())
                    .entrySet().stream()
                            .map(e -> KeyValuePair.builder()
                                    .name(e.getKey())
                                    .value(e.getValue())
                                    .build())
                            .toList());
        }
        if (!r.resourceRequirements().isEmpty()) {
            c.resourceRequirements(r.resourceRequirements().stream()
                    .map(rr -> software.amazon.awssdk.services.batch.model.ResourceRequirement.builder()
                            .type(rr.type())
                            .value(rr.value())
                            .build())
                    .toList());
        }
        return c.build();
    }

    private static software.amazon.awssdk.services.batch.model.JobDependency toSdk(JobDependency d) {
        var b = software.amazon.awssdk.services.batch.model.JobDependency.builder();
        if (d.jobId() != null) {
            b.jobId(d.jobId());
        }
        if (d.type() != null) {
            b.type(d.type().name());
        }
        return b.build();
    }

    private static EvaluateOnExit toSdk(io.jenkins.plugins.awsbatch.engine.batch.EvaluateOnExit e) {
        return EvaluateOnExit.builder()
                .onExitCode(e.onExitCode())
                .onStatusReason(e.onStatusReason())
                .onReason(e.onReason())
                .action(e.action().name())
                .build();
    }

    static software.amazon.awssdk.services.batch.model.ListJobsRequest toSdk(ListJobsRequest r) {
        var b = software.amazon.awssdk.services.batch.model.ListJobsRequest.builder();
        if (r.jobQueue() != null) {
            b.jobQueue(r.jobQueue());
        }
        if (r.arrayJobId() != null) {
            b.arrayJobId(r.arrayJobId());
        }
        if (r.status() != null) {
            b.jobStatus(r.status().name());
        }
        // AWS takes one filter per ListJobs call; created-at values are epoch milliseconds as text.
        java.util.List<KeyValuesPair> filters = new java.util.ArrayList<>();
        if (r.jobNameFilter() != null) {
            filters.add(KeyValuesPair.builder()
                    .name("JOB_NAME")
                    .values(r.jobNameFilter())
                    .build());
        }
        if (r.jobDefinitionFilter() != null) {
            filters.add(KeyValuesPair.builder()
                    .name("JOB_DEFINITION")
                    .values(r.jobDefinitionFilter())
                    .build());
        }
        if (r.createdAfter() != null) {
            filters.add(KeyValuesPair.builder()
                    .name("AFTER_CREATED_AT")
                    .values(String.valueOf(r.createdAfter()))
                    .build());
        }
        if (r.createdBefore() != null) {
            filters.add(KeyValuesPair.builder()
                    .name("BEFORE_CREATED_AT")
                    .values(String.valueOf(r.createdBefore()))
                    .build());
        }
        if (filters.size() > 1) {
            throw new io.jenkins.plugins.awsbatch.engine.batch.BatchClientException(
                    "ListJobs takes one filter at a time (JOB_NAME, JOB_DEFINITION, AFTER_CREATED_AT or BEFORE_CREATED_AT)");
        }
        if (!filters.isEmpty()) {
            b.filters(filters);
        }
        if (r.maxResults() != null) {
            b.maxResults(r.maxResults());
        }
        if (r.nextToken() != null) {
            b.nextToken(r.nextToken());
        }
        return b.build();
    }

    static JobDetail fromSdk(software.amazon.awssdk.services.batch.model.JobDetail j) {
        var array = j.arrayProperties();
        var container = j.container();
        List<JobAttempt> attempts = new ArrayList<>();
        for (AttemptDetail a : j.attempts()) {
            var ac = a.container();
            attempts.add(new JobAttempt(
                    a.startedAt(),
                    a.stoppedAt(),
                    ac == null ? null : ac.exitCode(),
                    ac != null && ac.reason() != null ? ac.reason() : a.statusReason(),
                    ac == null ? null : ac.logStreamName()));
        }
        List<JobDependency> deps = j.dependsOn().stream()
                .map(d -> new JobDependency(d.jobId(), d.type() == null ? null : dependencyType(d.typeAsString())))
                .toList();
        return new JobDetail(
                j.jobId(),
                j.jobName(),
                j.jobQueue(),
                j.jobDefinition(),
                status(j.statusAsString()),
                j.statusReason(),
                j.createdAt() == null ? 0L : j.createdAt(),
                j.startedAt(),
                j.stoppedAt(),
                array == null ? null : array.size(),
                array != null && array.index() != null ? array.index() : childIndex(j.jobId()),
                array == null ? Map.of() : statusSummary(array.statusSummary()),
                container == null ? null : container.exitCode(),
                container == null ? null : container.logStreamName(),
                attempts,
                deps,
                Boolean.TRUE.equals(j.isCancelled()),
                Boolean.TRUE.equals(j.isTerminated()),
                j.tags());
    }

    static JobSummary fromSdk(software.amazon.awssdk.services.batch.model.JobSummary s) {
        return new JobSummary(
                s.jobId(),
                s.jobName(),
                status(s.statusAsString()),
                s.statusReason(),
                s.createdAt() == null ? 0L : s.createdAt(),
                s.startedAt(),
                s.stoppedAt(),
                s.arrayProperties() != null && s.arrayProperties().index() != null
                        ? s.arrayProperties().index()
                        : childIndex(s.jobId()),
                s.container() == null ? null : s.container().exitCode(),
                s.arrayProperties() == null ? null : s.arrayProperties().size(),
                s.jobDefinition());
    }

    /**
     * A child's index from its id {@code <parent>:<i>}, for answers without {@code arrayProperties.index}
     * (emulators such as moto leave it out).
     */
    static Integer childIndex(String jobId) {
        if (jobId == null) {
            return null;
        }
        int colon = jobId.lastIndexOf(':');
        if (colon <= 0 || colon == jobId.length() - 1 || jobId.startsWith("arn:")) {
            return null;
        }
        String digits = jobId.substring(colon + 1);
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return null;
            }
        }
        return digits.length() > 5 ? null : Integer.valueOf(digits);
    }

    private static Map<JobStatus, Integer> statusSummary(Map<String, Integer> sdk) {
        Map<JobStatus, Integer> out = new EnumMap<>(JobStatus.class);
        if (sdk == null || sdk.isEmpty()) {
            return out;
        }
        for (JobStatus s : JobStatus.values()) {
            out.put(s, 0);
        }
        sdk.forEach((k, v) -> {
            JobStatus s = status(k);
            if (s != null && v != null) {
                out.put(s, v);
            }
        });
        return out;
    }

    private static JobStatus status(String s) {
        if (s == null) {
            return null;
        }
        try {
            return JobStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static DependencyType dependencyType(String s) {
        try {
            return DependencyType.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
