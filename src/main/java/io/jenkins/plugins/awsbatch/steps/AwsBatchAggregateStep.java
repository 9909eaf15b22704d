package io.jenkins.plugins.awsbatch.steps;

import hudson.Extension;
import io.jenkins.plugins.awsbatch.exec.PlainData;
import io.jenkins.plugins.awsbatch.exec.StepKind;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code awsBatchAggregate(after: fan, jobDefinition: 'merge:2', count: 1)}: one or more jobs after every
 * array of the fan-out; {@code count} may be a number or {@code [partitionsFrom: 'rank']} (one job per distinct
 * line of the stage's {@code *.partitions} files).
 */
public class AwsBatchAggregateStep extends AbstractWaitingStep {

    private final Object after;
    private final String jobDefinition;
    private String name;
    private Object count;
    private Object command;
    private Object environment;

    @DataBoundConstructor
    public AwsBatchAggregateStep(Object after, String jobDefinition) {
        this.after = PlainData.copy(FormText.structured(after), "after");
        this.jobDefinition = jobDefinition;
    }

    public Object getAfter() {
        return after;
    }

    public String getJobDefinition() {
        return jobDefinition;
    }

    public String getName() {
        return name;
    }

    /** Stage name (default {@code aggregate}). */
    @DataBoundSetter
    public void setName(String name) {
        this.name = name == null || name.isBlank() ? null : name.trim();
    }

    public Object getCount() {
        return count;
    }

    /** A number, or {@code [partitionsFrom: 'STAGE']}. Default 1. */
    @DataBoundSetter
    public void setCount(Object count) {
        this.count = PlainData.copy(count, "count");
    }

    public Object getCommand() {
        return command;
    }

    @DataBoundSetter
    public void setCommand(Object command) {
        this.command = PlainData.copy(command, "command");
    }

    public Object getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(Object environment) {
        this.environment = PlainData.copy(FormText.structured(environment), "environment");
    }

    @Override
    protected StepKind kind() {
        return StepKind.AGGREGATE;
    }

    @Override
    protected Map<String, Object> arguments() {
        Map<String, Object> args = newArgs();
        put(args, "after", after);
        put(args, "jobDefinition", jobDefinition);
        put(args, "name", name);
        put(args, "count", count);
        put(args, "command", command);
        put(args, "environment", environment);
        put(args, "junitXml", getJunitXml());
        return args;
    }

    @Extension
    @Symbol("awsBatchAggregate")
    public static class DescriptorImpl extends AwsBatchStepDescriptor {
        @Override
        public String getFunctionName() {
            return "awsBatchAggregate";
        }

        @Override
        public String getDisplayName() {
            return "AWS Batch graph: aggregate after the fan-out";
        }
    }
}
