package io.jenkins.plugins.awsbatch.trigger;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.listeners.ItemListener;
import jenkins.model.ParameterizedJobMixIn;

/**
 * Stops the S3 trigger's polling thread when its job is deleted: Jenkins does not call {@code Trigger.stop()}
 * then (a deleted Pipeline job is only disabled), and the thread would keep receiving messages for a job that
 * is gone.
 */
@Extension
public class S3TriggerItemListener extends ItemListener {
    @Override
    public void onDeleted(Item item) {
        if (item instanceof Job<?, ?> job) {
            AwsBatchS3Trigger trigger = ParameterizedJobMixIn.getTrigger(job, AwsBatchS3Trigger.class);
            if (trigger != null) {
                trigger.stop();
            }
        }
    }
}
