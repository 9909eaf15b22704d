package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Job queues and compute environments, by name or ARN. Thread-safe. */
final class QueueRegistry {
    static final String DEFAULT_COMPUTE_ENVIRONMENT = "local";

    private final Map<String, JobQueueInfo> queues = new LinkedHashMap<>();
    private final Map<String, ComputeEnvironmentInfo> environments = new LinkedHashMap<>();
    private final String arnBase;
    private final Runnable onChange;

    QueueRegistry(String arnBase, Runnable onChange) {
        this.arnBase = arnBase;
        this.onChange = onChange;
    }

    synchronized ComputeEnvironmentInfo createComputeEnvironment(String name) {
        return createComputeEnvironment(name, ComputeEnvironmentInfo.MANAGED, null);
    }

    synchronized ComputeEnvironmentInfo createComputeEnvironment(String name, String type, Map<String, String> tags) {
        checkName("computeEnvironmentName", name);
        String checkedType = ComputeEnvironmentInfo.normalizeType(type);
        if (environments.containsKey(name)) {
            throw ClientErrors.alreadyExists("ComputeEnvironment", name);
        }
        ComputeEnvironmentInfo ce = new ComputeEnvironmentInfo(
                name, arnBase + "compute-environment/" + name, "ENABLED", "VALID", checkedType, tags);
        environments.put(name, ce);
        onChange.run();
        return ce;
    }

    synchronized JobQueueInfo createJobQueue(String name, int priority, List<String> computeEnvironments) {
        return createJobQueue(name, priority, computeEnvironments, null);
    }

    synchronized JobQueueInfo createJobQueue(
            String name, int priority, List<String> computeEnvironments, Map<String, String> tags) {
        checkName("jobQueueName", name);
        if (queues.containsKey(name)) {
            throw ClientErrors.alreadyExists("JobQueue", name);
        }
        if (computeEnvironments == null || computeEnvironments.isEmpty()) {
            throw ClientErrors.missing("computeEnvironmentOrder");
        }
        List<String> names = new ArrayList<>();
        for (String ce : computeEnvironments) {
            String ceName = nameOf(ce);
            if (!environments.containsKey(ceName)) {
                throw ClientErrors.unknownComputeEnvironment(ce);
            }
            names.add(ceName);
        }
        JobQueueInfo queue = new JobQueueInfo(name, arnBase + "job-queue/" + name, priority, "ENABLED", names, tags);
        queues.put(name, queue);
        onChange.run();
        return queue;
    }

    /** The queue, created with the default compute environment when missing. */
    synchronized JobQueueInfo ensureJobQueue(String name) {
        JobQueueInfo existing = queues.get(nameOf(name));
        if (existing != null) {
            return existing;
        }
        if (!environments.containsKey(DEFAULT_COMPUTE_ENVIRONMENT)) {
            createComputeEnvironment(DEFAULT_COMPUTE_ENVIRONMENT);
        }
        return createJobQueue(nameOf(name), 1, List.of(DEFAULT_COMPUTE_ENVIRONMENT));
    }

    synchronized JobQueueInfo resolve(String nameOrArn) {
        JobQueueInfo queue = nameOrArn == null ? null : queues.get(nameOf(nameOrArn));
        if (queue == null) {
            throw ClientErrors.unknownQueue(nameOrArn);
        }
        return queue;
    }

    synchronized List<JobQueueInfo> describeJobQueues() {
        return List.copyOf(queues.values());
    }

    synchronized List<ComputeEnvironmentInfo> describeComputeEnvironments() {
        return List.copyOf(environments.values());
    }

    /** The tags of the queue or compute environment with this ARN, edited by {@code edit}; returns the result. */
    synchronized Map<String, String> editTags(String arn, Consumer<Map<String, String>> edit) {
        String name = nameOf(arn);
        if (arn.startsWith(arnBase + "job-queue/")) {
            JobQueueInfo queue = queues.get(name);
            if (queue == null || !queue.arn().equals(arn)) {
                throw ClientErrors.unknownQueue(arn);
            }
            Map<String, String> tags = new LinkedHashMap<>(queue.tags());
            edit.accept(tags);
            queues.put(name, queue.withTags(tags));
            onChange.run();
            return Map.copyOf(tags);
        }
        if (arn.startsWith(arnBase + "compute-environment/")) {
            ComputeEnvironmentInfo ce = environments.get(name);
            if (ce == null || !ce.arn().equals(arn)) {
                throw ClientErrors.unknownComputeEnvironment(arn);
            }
            Map<String, String> tags = new LinkedHashMap<>(ce.tags());
            edit.accept(tags);
            environments.put(name, ce.withTags(tags));
            onChange.run();
            return Map.copyOf(tags);
        }
        throw ClientErrors.unknownResource(arn);
    }

    /** The tags of the queue or compute environment with this ARN. */
    synchronized Map<String, String> tagsOf(String arn) {
        String name = nameOf(arn);
        if (arn.startsWith(arnBase + "job-queue/")) {
            JobQueueInfo queue = queues.get(name);
            if (queue == null || !queue.arn().equals(arn)) {
                throw ClientErrors.unknownQueue(arn);
            }
            return queue.tags();
        }
        if (arn.startsWith(arnBase + "compute-environment/")) {
            ComputeEnvironmentInfo ce = environments.get(name);
            if (ce == null || !ce.arn().equals(arn)) {
                throw ClientErrors.unknownComputeEnvironment(arn);
            }
            return ce.tags();
        }
        throw ClientErrors.unknownResource(arn);
    }

    /** Replaces the contents with a snapshot's. */
    synchronized void restore(List<ComputeEnvironmentInfo> ces, List<JobQueueInfo> qs) {
        environments.clear();
        queues.clear();
        ces.forEach(ce -> environments.put(ce.name(), ce));
        qs.forEach(q -> queues.put(q.name(), q));
    }

    static String nameOf(String nameOrArn) {
        int slash = nameOrArn.lastIndexOf('/');
        return nameOrArn.startsWith("arn:") && slash >= 0 ? nameOrArn.substring(slash + 1) : nameOrArn;
    }

    private static void checkName(String field, String name) {
        BatchLimits.require(BatchLimits.name(name, "Name", field));
    }
}
