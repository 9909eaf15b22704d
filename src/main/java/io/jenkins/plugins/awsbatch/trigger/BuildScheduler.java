package io.jenkins.plugins.awsbatch.trigger;

import io.jenkins.plugins.awsbatch.engine.trigger.S3ObjectEvent;
import java.util.Map;

/**
 * Puts one build of the trigger's job in the queue. Jenkins-free seam: {@link JobBuildScheduler} does it with
 * {@code ParameterizedJobMixIn.scheduleBuild2}; tests record the requests.
 */
@FunctionalInterface
public interface BuildScheduler {

    /**
     * @param parameters the build parameters, in order ({@code S3_BUCKET}, {@code S3_KEY}, {@code S3_ETAG})
     * @return false when Jenkins refused (the job is disabled, or a queue decision handler said no)
     */
    boolean schedule(S3ObjectEvent event, Map<String, String> parameters) throws Exception;
}
