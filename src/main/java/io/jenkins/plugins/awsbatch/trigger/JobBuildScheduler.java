package io.jenkins.plugins.awsbatch.trigger;

import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.ParameterDefinition;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Queue;
import hudson.model.StringParameterValue;
import io.jenkins.plugins.awsbatch.engine.trigger.S3ObjectEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.model.ParameterizedJobMixIn;

/**
 * The job's parameter defaults are kept (a {@link ParametersAction} given to the queue replaces them all), then
 * the object's values. Schedules through {@link ParameterizedJobMixIn#scheduleBuild2(Job, int, hudson.model.Action...)} with the job's
 * quiet period, a {@link ParametersAction} of {@link StringParameterValue}s (declared safe, so they reach the
 * build even when the job does not define them) and a {@link CauseAction} naming the object. Builds for different
 * objects differ in their parameters, so the queue never folds them into one.
 */
final class JobBuildScheduler implements BuildScheduler {
    private final Job<?, ?> job;

    JobBuildScheduler(Job<?, ?> job) {
        this.job = job;
    }

    @Override
    public boolean schedule(S3ObjectEvent event, Map<String, String> parameters) {
        List<ParameterValue> defaults = new ArrayList<>();
        ParametersDefinitionProperty defined = job.getProperty(ParametersDefinitionProperty.class);
        if (defined != null) {
            for (ParameterDefinition d : defined.getParameterDefinitions()) {
                defaults.add(d.getDefaultParameterValue());
            }
        }
        List<ParameterValue> values =
                TriggerParameters.merge(defaults, ParameterValue::getName, parameters, StringParameterValue::new);
        Queue.Item item = ParameterizedJobMixIn.scheduleBuild2(
                job,
                -1,
                new CauseAction(new S3ObjectCause(event.bucket(), event.key(), event.eTag())),
                new ParametersAction(values, parameters.keySet()));
        return item != null;
    }
}
