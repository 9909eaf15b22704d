package io.jenkins.plugins.awsbatch.steps;

import hudson.Extension;
import io.jenkins.plugins.awsbatch.exec.PlainData;
import io.jenkins.plugins.awsbatch.exec.StepKind;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code def fan = awsBatchFanOut(plan: plan, stages: [[name: 'score', jobDefinition: 'score:3'], [name: 'rank',
 * jobDefinition: 'rank:1']])}: one array job per stage and chunk of at most 10,000 items, each later stage
 * N_TO_N on the one before; waits (by default) until every array is done and returns the stages' job ids and
 * counts.
 */
public class AwsBatchFanOutStep extends AbstractNotifyingStep {

    private final Object plan;
    private final Object stages;
    private Integer toleratedFailurePercent;
    private Integer toleratedFailureCount;
    private Integer retryFailedItems;
    private Integer maxConcurrency;

    /**
     * @param plan what {@code awsBatchPlan} returned (or a map with at least {@code runId})
     * @param stages a list of stage maps, the fields of a {@code batchgraph.yaml} stage
     */
    @DataBoundConstructor
    public AwsBatchFanOutStep(Object plan, Object stages) {
        this.plan = PlainData.copy(FormText.structured(plan), "plan");
        this.stages = PlainData.copy(FormText.structured(stages), "stages");
    }

    public Object getPlan() {
        return plan;
    }

    public Object getStages() {
        return stages;
    }

    public Integer getToleratedFailurePercent() {
        return toleratedFailurePercent;
    }

    /** Failed items tolerated per stage, in percent; within it the build is UNSTABLE instead of failed. */
    @DataBoundSetter
    public void setToleratedFailurePercent(Integer toleratedFailurePercent) {
        this.toleratedFailurePercent = toleratedFailurePercent;
    }

    public Integer getToleratedFailureCount() {
        return toleratedFailureCount;
    }

    @DataBoundSetter
    public void setToleratedFailureCount(Integer toleratedFailureCount) {
        this.toleratedFailureCount = toleratedFailureCount;
    }

    public Integer getRetryFailedItems() {
        return retryFailedItems;
    }

    /** Resubmits only the failed items of a stage, up to this many times. */
    @DataBoundSetter
    public void setRetryFailedItems(Integer retryFailedItems) {
        this.retryFailedItems = retryFailedItems;
    }

    public Integer getMaxConcurrency() {
        return maxConcurrency;
    }

    @DataBoundSetter
    public void setMaxConcurrency(Integer maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    @Override
    protected StepKind kind() {
        return StepKind.FAN_OUT;
    }

    @Override
    protected Map<String, Object> arguments() {
        Map<String, Object> args = newArgs();
        put(args, "plan", plan);
        put(args, "stages", stages);
        put(args, "toleratedFailurePercent", toleratedFailurePercent);
        put(args, "toleratedFailureCount", toleratedFailureCount);
        put(args, "retryFailedItems", retryFailedItems);
        put(args, "maxConcurrency", maxConcurrency);
        put(args, "notify", getNotify());
        put(args, "junitXml", getJunitXml());
        return args;
    }

    @Extension
    @Symbol("awsBatchFanOut")
    public static class DescriptorImpl extends AwsBatchStepDescriptor {
        @Override
        public String getFunctionName() {
            return "awsBatchFanOut";
        }

        @Override
        public String getDisplayName() {
            return "AWS Batch graph: fan out array jobs over the planned items";
        }
    }
}
