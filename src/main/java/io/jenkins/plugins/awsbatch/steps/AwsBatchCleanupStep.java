package io.jenkins.plugins.awsbatch.steps;

import hudson.Extension;
import io.jenkins.plugins.awsbatch.exec.PlainData;
import io.jenkins.plugins.awsbatch.exec.StepKind;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code post { always { awsBatchCleanup(plan: plan) } }}: deletes the run's transient data (items, array
 * outputs), keeps aggregate outputs and the run's state; directly, or as a Batch job with
 * {@code jobDefinition}.
 */
public class AwsBatchCleanupStep extends AbstractAwsBatchStep {

    private Object plan;
    private String runId;
    private String jobDefinition;

    @DataBoundConstructor
    public AwsBatchCleanupStep() {}

    public Object getPlan() {
        return plan;
    }

    /** What {@code awsBatchPlan} (or {@code awsBatchFanOut}) returned. */
    @DataBoundSetter
    public void setPlan(Object plan) {
        this.plan = PlainData.copy(FormText.structured(plan), "plan");
    }

    public String getRunId() {
        return runId;
    }

    /** The run to clean up, instead of {@code plan}. */
    @DataBoundSetter
    public void setRunId(String runId) {
        this.runId = runId == null || runId.isBlank() ? null : runId.trim();
    }

    public String getJobDefinition() {
        return jobDefinition;
    }

    /** Runs the cleanup as this Batch job definition instead of deleting directly. */
    @DataBoundSetter
    public void setJobDefinition(String jobDefinition) {
        this.jobDefinition = jobDefinition == null || jobDefinition.isBlank() ? null : jobDefinition.trim();
    }

    @Override
    protected StepKind kind() {
        return StepKind.CLEANUP;
    }

    @Override
    protected Map<String, Object> arguments() {
        Map<String, Object> args = newArgs();
        put(args, "plan", plan);
        put(args, "runId", runId);
        put(args, "jobDefinition", jobDefinition);
        return args;
    }

    @Extension
    @Symbol("awsBatchCleanup")
    public static class DescriptorImpl extends AwsBatchStepDescriptor {
        @Override
        public String getFunctionName() {
            return "awsBatchCleanup";
        }

        @Override
        public String getDisplayName() {
            return "AWS Batch graph: clean up a run's transient data";
        }
    }
}
