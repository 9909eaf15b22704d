package io.jenkins.plugins.awsbatch.steps;

import hudson.Extension;
import io.jenkins.plugins.awsbatch.exec.PlainData;
import io.jenkins.plugins.awsbatch.exec.StepKind;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code awsBatchRun(file: 'batchgraph.yaml')}: runs a whole graph file (plan, submit, track, aggregate,
 * clean up), the same model the {@code batchgraph} CLI runs. The file is read from the workspace (inside
 * {@code node}); or give the YAML inline with {@code text}.
 */
public class AwsBatchRunStep extends AbstractNotifyingStep {

    private String file;
    private String text;
    private List<String> overrides;
    private String runId;

    @DataBoundConstructor
    public AwsBatchRunStep() {}

    public String getFile() {
        return file;
    }

    /** Path of the graph file in the workspace. */
    @DataBoundSetter
    public void setFile(String file) {
        this.file = file == null || file.isBlank() ? null : file.trim();
    }

    public String getText() {
        return text;
    }

    /** The graph file's YAML, inline (instead of {@code file}). */
    @DataBoundSetter
    public void setText(String text) {
        this.text = text == null || text.isBlank() ? null : text;
    }

    public List<String> getOverrides() {
        return overrides;
    }

    /** {@code ['stages[0].timeout=600']}: like the CLI's {@code --set path=value}. */
    @DataBoundSetter
    @SuppressWarnings("unchecked")
    public void setOverrides(List<String> overrides) {
        this.overrides =
                overrides == null || overrides.isEmpty() ? null : (List<String>) PlainData.copy(overrides, "overrides");
    }

    public String getRunId() {
        return runId;
    }

    @DataBoundSetter
    public void setRunId(String runId) {
        this.runId = runId == null || runId.isBlank() ? null : runId.trim();
    }

    @Override
    protected StepKind kind() {
        return StepKind.RUN;
    }

    @Override
    protected Map<String, Object> arguments() {
        Map<String, Object> args = newArgs();
        put(args, "file", file);
        put(args, "text", text);
        put(args, "overrides", overrides);
        put(args, "runId", runId);
        put(args, "notify", getNotify());
        put(args, "junitXml", getJunitXml());
        return args;
    }

    @Extension
    @Symbol("awsBatchRun")
    public static class DescriptorImpl extends AwsBatchStepDescriptor {
        @Override
        public String getFunctionName() {
            return "awsBatchRun";
        }

        @Override
        public String getDisplayName() {
            return "AWS Batch graph: run a batchgraph.yaml";
        }
    }
}
