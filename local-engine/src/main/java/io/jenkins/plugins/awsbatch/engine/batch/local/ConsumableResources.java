package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.ConsumableResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consumable resources and the RUNNABLE jobs waiting for them. A job that cannot get its quantity leaves the
 * ready queue for the waiting line of the resource it lacks, so it is looked at again only when that resource
 * is released, not on every dispatch (no O(N²) rescans when an array is capped to a few at a time). Guarded by
 * the scheduler's lock.
 */
final class ConsumableResources {
    private static final class Resource {
        final String name;
        final long total;
        long inUse;
        final ArrayDeque<LocalJob> waiting = new ArrayDeque<>();

        Resource(String name, long total) {
            this.name = name;
            this.total = total;
        }
    }

    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final String arnPrefix;

    ConsumableResources(String arnPrefix) {
        this.arnPrefix = arnPrefix;
    }

    void create(String name, long totalQuantity) {
        if (resources.containsKey(name)) {
            throw ClientErrors.alreadyExists("ConsumableResource", name);
        }
        if (totalQuantity < 1) {
            throw new io.jenkins.plugins.awsbatch.engine.batch.BatchClientException(
                    "totalQuantity must be at least 1, got " + totalQuantity + ".");
        }
        resources.put(name, new Resource(name, totalQuantity));
    }

    List<ConsumableResourceInfo> describe() {
        List<ConsumableResourceInfo> out = new ArrayList<>();
        for (Resource r : resources.values()) {
            out.add(new ConsumableResourceInfo(r.name, arnPrefix + r.name, r.total, r.inUse));
        }
        return out;
    }

    /** Rejects requirements naming an unknown resource or more than it will ever have. */
    void validate(List<ConsumableResourceRequirement> requirements) {
        for (ConsumableResourceRequirement req : requirements) {
            Resource r = resources.get(nameOf(req.consumableResource()));
            if (r == null) {
                throw ClientErrors.unknownConsumableResource(req.consumableResource());
            }
            if (req.quantity() < 1 || req.quantity() > r.total) {
                throw new io.jenkins.plugins.awsbatch.engine.batch.BatchClientException("Quantity " + req.quantity()
                        + " of consumable resource " + r.name + " must be between 1 and " + r.total + ".");
            }
        }
    }

    /**
     * The next job that can start now, its resources not yet taken: first the heads of the resource waiting
     * lines, then the ready queue. Jobs no longer RUNNABLE (cancelled while queued) are dropped on the way.
     */
    LocalJob nextLaunchable(ArrayDeque<LocalJob> ready) {
        for (Resource r : resources.values()) {
            LocalJob head;
            while ((head = r.waiting.peek()) != null && head.status != JobStatus.RUNNABLE) {
                r.waiting.poll();
            }
            if (head != null && missing(head) == null) {
                return r.waiting.poll();
            }
        }
        LocalJob job;
        while ((job = ready.poll()) != null) {
            if (job.status != JobStatus.RUNNABLE) {
                continue;
            }
            Resource lacking = missing(job);
            if (lacking == null) {
                return job;
            }
            lacking.waiting.add(job);
        }
        return null;
    }

    void acquire(LocalJob job) {
        for (ConsumableResourceRequirement req : job.spec.consumableResources()) {
            resources.get(nameOf(req.consumableResource())).inUse += req.quantity();
        }
    }

    void release(LocalJob job) {
        for (ConsumableResourceRequirement req : job.spec.consumableResources()) {
            Resource r = resources.get(nameOf(req.consumableResource()));
            if (r != null) {
                r.inUse = Math.max(0, r.inUse - req.quantity());
            }
        }
    }

    Map<String, Long> totals() {
        Map<String, Long> out = new LinkedHashMap<>();
        resources.values().forEach(r -> out.put(r.name, r.total));
        return out;
    }

    private Resource missing(LocalJob job) {
        for (ConsumableResourceRequirement req : job.spec.consumableResources()) {
            Resource r = resources.get(nameOf(req.consumableResource()));
            if (r != null && r.total - r.inUse < req.quantity()) {
                return r;
            }
        }
        return null;
    }

    /** Accepts a name or an ARN ({@code ...:consumable-resource/NAME}). */
    static String nameOf(String nameOrArn) {
        int slash = nameOrArn.lastIndexOf('/');
        return nameOrArn.startsWith("arn:") && slash >= 0 ? nameOrArn.substring(slash + 1) : nameOrArn;
    }
}
