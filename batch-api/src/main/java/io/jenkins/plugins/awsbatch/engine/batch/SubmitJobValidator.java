package io.jenkins.plugins.awsbatch.engine.batch;

import java.util.Set;

/**
 * AWS Batch's documented SubmitJob limits ({@link BatchLimits} and the request's own shape), checked before
 * anything is sent, so a bad request costs no call and the error reads like AWS's {@code ClientException}.
 */
public final class SubmitJobValidator {
    private static final Set<String> RESOURCE_TYPES = Set.of("VCPU", "MEMORY", "GPU");

    private SubmitJobValidator() {}

    public static void validate(SubmitJobRequest r) {
        BatchLimits.require(BatchLimits.name(r.jobName(), "Job name", "jobName"));
        if (blank(r.jobQueue())) {
            fail("jobQueue is required");
        }
        if (blank(r.jobDefinition())) {
            fail("jobDefinition is required");
        }
        BatchLimits.require(BatchLimits.arraySize(r.arraySize(), "arrayProperties.size"));
        BatchLimits.require(BatchLimits.dependencies(r.dependsOn().size(), "dependsOn"));
        for (JobDependency d : r.dependsOn()) {
            checkDependency(r, d);
        }
        BatchLimits.require(BatchLimits.timeout(r.timeoutSeconds(), "timeout.attemptDurationSeconds"));
        BatchLimits.require(BatchLimits.firstOf(BatchLimits.retryStrategy(r.retryStrategy(), "retryStrategy")));
        BatchLimits.require(BatchLimits.tags(r.tags(), "tags"));
        BatchLimits.require(
                BatchLimits.schedulingPriority(r.schedulingPriorityOverride(), "schedulingPriorityOverride"));
        if (r.shareIdentifier() != null && !r.shareIdentifier().matches("[A-Za-z0-9]{1,254}\\*?")) {
            fail("shareIdentifier must be up to 255 letters and numbers, may end with '*', was '" + r.shareIdentifier()
                    + "'");
        }
        for (ResourceRequirement rr : r.resourceRequirements()) {
            if (rr.type() == null || !RESOURCE_TYPES.contains(rr.type()) || blank(rr.value())) {
                fail("resourceRequirements type must be one of GPU, MEMORY, VCPU with a value, got " + rr);
            }
        }
        for (ConsumableResourceRequirement c : r.consumableResources()) {
            if (blank(c.consumableResource()) || c.quantity() < 1) {
                fail("consumable resource needs a name and a quantity of at least 1, got " + c);
            }
        }
        for (String key : r.environment().keySet()) {
            if (key.startsWith("AWS_BATCH")) {
                fail("Environment variable names starting with AWS_BATCH are reserved: " + key);
            }
        }
    }

    private static void checkDependency(SubmitJobRequest r, JobDependency d) {
        if (d.type() == DependencyType.SEQUENTIAL) {
            if (!r.isArray()) {
                fail("A SEQUENTIAL dependency is only valid for array jobs");
            }
        } else if (blank(d.jobId())) {
            fail("dependsOn jobId is required" + (d.type() == null ? "" : " for type " + d.type()));
        }
        if (d.type() == DependencyType.N_TO_N && !r.isArray()) {
            fail("An N_TO_N dependency is only valid for array jobs");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void fail(String message) {
        throw new BatchClientException(message);
    }
}
