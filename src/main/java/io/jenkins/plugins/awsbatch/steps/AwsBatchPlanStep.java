package io.jenkins.plugins.awsbatch.steps;

import hudson.Extension;
import io.jenkins.plugins.awsbatch.exec.PlainData;
import io.jenkins.plugins.awsbatch.exec.StepKind;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code def plan = awsBatchPlan(items: [file: 'input.xlsx'], store: 's3://b/runs')}: reads the items, writes
 * their records under the run's prefix (per item, or packed past 1,000 items) and returns the plan as a map ({@code runId}, {@code itemCount},
 * {@code store}, {@code runUri}, {@code itemsUri}, {@code chunks}). Submits no job.
 */
public class AwsBatchPlanStep extends AbstractAwsBatchStep {

    private final Object items;
    private String name;
    private String runId;

    /**
     * @param items a list ({@code ['a', 'b']} or maps), a file ({@code [file: 'x.csv', sheet: 'S', key: 'id']},
     *     .json .jsonl .csv .xlsx, read from the workspace), or an S3 listing ({@code [s3: 's3://b/p/']})
     */
    @DataBoundConstructor
    public AwsBatchPlanStep(Object items) {
        this.items = PlainData.copy(FormText.structured(items), "items");
    }

    public Object getItems() {
        return items;
    }

    public String getName() {
        return name;
    }

    /** Graph name, {@code [A-Za-z0-9_-]{1,64}}; prefixes job names. Defaults to the job's name. */
    @DataBoundSetter
    public void setName(String name) {
        this.name = name == null || name.isBlank() ? null : name.trim();
    }

    public String getRunId() {
        return runId;
    }

    /** An explicit run id (default: generated from the name and the build). */
    @DataBoundSetter
    public void setRunId(String runId) {
        this.runId = runId == null || runId.isBlank() ? null : runId.trim();
    }

    @Override
    protected StepKind kind() {
        return StepKind.PLAN;
    }

    @Override
    protected Map<String, Object> arguments() {
        Map<String, Object> args = newArgs();
        put(args, "items", items);
        put(args, "name", name);
        put(args, "runId", runId);
        return args;
    }

    @Extension
    @Symbol("awsBatchPlan")
    public static class DescriptorImpl extends AwsBatchStepDescriptor {
        @Override
        public String getFunctionName() {
            return "awsBatchPlan";
        }

        @Override
        public String getDisplayName() {
            return "AWS Batch graph: plan the items of a run";
        }
    }
}
