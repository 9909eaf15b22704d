package io.jenkins.plugins.awsbatch.engine.batch.aws;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.ConsumableResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.DependencyType;
import io.jenkins.plugins.awsbatch.engine.batch.EvaluateOnExit;
import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobTags;
import io.jenkins.plugins.awsbatch.engine.batch.ResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS Batch's documented SubmitJob limits, checked before anything is sent, so a bad request costs no call and
 * the error reads like AWS's {@code ClientException}.
 */
public final class SubmitJobValidator {
    private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
    private static final Pattern EXIT_CODE_GLOB = Pattern.compile("[0-9]*\\*?");
    private static final Pattern REASON_GLOB = Pattern.compile("[A-Za-z0-9.:\\s]*\\*?");
    private static final Set<String> RESOURCE_TYPES = Set.of("VCPU", "MEMORY", "GPU");
    static final int MAX_EVALUATE_ON_EXIT = 5;

    private SubmitJobValidator() {
    }

    public static void validate(SubmitJobRequest r) {
        if (r.jobName() == null || !JOB_NAME.matcher(r.jobName()).matches()) {
            fail("Job name should be up to 128 letters (uppercase and lowercase), numbers, hyphens, and underscores, "
                    + "and must start with a letter or number: '" + r.jobName() + "'");
        }
        if (blank(r.jobQueue())) {
            fail("jobQueue is required");
        }
        if (blank(r.jobDefinition())) {
            fail("jobDefinition is required");
        }
        if (r.arraySize() != null && (r.arraySize() < 2 || r.arraySize() > BatchService.MAX_ARRAY_SIZE)) {
            fail("Array job size must be between 2 and " + BatchService.MAX_ARRAY_SIZE + ", was " + r.arraySize());
        }
        if (r.dependsOn().size() > BatchService.MAX_DEPENDENCIES) {
            fail("A job can depend on at most " + BatchService.MAX_DEPENDENCIES + " jobs, got " + r.dependsOn().size());
        }
        for (JobDependency d : r.dependsOn()) {
            checkDependency(r, d);
        }
        if (r.timeoutSeconds() != null && r.timeoutSeconds() < 60) {
            fail("attemptDurationSeconds must be at least 60, was " + r.timeoutSeconds());
        }
        if (r.retryStrategy() != null) {
            int attempts = r.retryStrategy().attempts();
            if (attempts < 1 || attempts > 10) {
                fail("retryStrategy attempts must be between 1 and 10, was " + attempts);
            }
            if (r.retryStrategy().evaluateOnExit().size() > MAX_EVALUATE_ON_EXIT) {
                fail("retryStrategy takes at most " + MAX_EVALUATE_ON_EXIT + " evaluateOnExit conditions, got "
                        + r.retryStrategy().evaluateOnExit().size());
            }
            for (EvaluateOnExit e : r.retryStrategy().evaluateOnExit()) {
                checkRule(e);
            }
        }
        checkTags(r.tags());
        if (r.schedulingPriorityOverride() != null
                && (r.schedulingPriorityOverride() < 0 || r.schedulingPriorityOverride() > 9999)) {
            fail("schedulingPriorityOverride must be between 0 and 9999, was " + r.schedulingPriorityOverride());
        }
        if (r.shareIdentifier() != null && !r.shareIdentifier().matches("[A-Za-z0-9]{1,254}\\*?")) {
            fail("shareIdentifier must be up to 255 letters and numbers, may end with '*', was '"
                    + r.shareIdentifier() + "'");
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

    private static void checkRule(EvaluateOnExit e) {
        if (e.action() == null) {
            fail("evaluateOnExit action is required (RETRY or EXIT)");
        }
        if (e.onExitCode() == null && e.onStatusReason() == null && e.onReason() == null) {
            fail("evaluateOnExit needs at least one of onExitCode, onStatusReason, onReason");
        }
        if (e.onExitCode() != null && (e.onExitCode().length() > 512 || !EXIT_CODE_GLOB.matcher(e.onExitCode()).matches())) {
            fail("onExitCode can contain only numbers and can end with an asterisk (*), was '" + e.onExitCode() + "'");
        }
        for (String glob : new String[] {e.onStatusReason(), e.onReason()}) {
            if (glob != null && (glob.length() > 512 || !REASON_GLOB.matcher(glob).matches())) {
                fail("onStatusReason/onReason can contain letters, numbers, periods, colons and white space and can "
                        + "end with an asterisk (*), was '" + glob + "'");
            }
        }
    }

    private static void checkTags(Map<String, String> tags) {
        String problem = JobTags.problem(tags);
        if (problem != null) {
            fail(problem);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void fail(String message) {
        throw new BatchClientException(message);
    }
}
