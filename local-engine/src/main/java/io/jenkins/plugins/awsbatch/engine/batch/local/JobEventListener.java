package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;

/**
 * Told of every status change of every job (parents, children, single jobs), as AWS Batch emits its job state
 * change events. Called under the scheduler's lock: hand the detail over and return at once.
 */
@FunctionalInterface
public interface JobEventListener {
    void statusChanged(JobDetail job);
}
