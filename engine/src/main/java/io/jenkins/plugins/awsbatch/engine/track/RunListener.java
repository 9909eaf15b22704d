package io.jenkins.plugins.awsbatch.engine.track;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.util.Map;

/** Progress events of a run, for the CLI's progress lines and the Jenkins console. All default to no-ops. */
public interface RunListener {

    /** A human-readable line (plan size, mode, cleanup report, ...). */
    default void message(String line) {}

    default void jobSubmitted(String stage, String jobId, String jobName, int size) {}

    /** Counts per child status of a stage changed (sent on change, not on every poll). */
    default void progress(String stage, Map<JobStatus, Integer> counts, long total) {}

    default void stageFinished(String stage, String status, String reason) {}

    RunListener NONE = new RunListener() {};
}
