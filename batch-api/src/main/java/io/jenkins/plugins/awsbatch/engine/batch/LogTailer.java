package io.jenkins.plugins.awsbatch.engine.batch;

import java.util.List;

/**
 * The last lines of a job's log, fetched only for failure digests and {@code batchgraph logs}. Local: the
 * attempt's log file; AWS: the CloudWatch Logs stream of the attempt.
 */
public interface LogTailer {

    /** Up to {@code maxLines} last lines of the job's latest attempt; empty when there is no log. */
    List<String> tail(JobDetail job, int maxLines);

    /** Everything the job's latest attempt logged. */
    List<String> all(JobDetail job);
}
