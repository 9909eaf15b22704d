package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Jobs DescribeJobs no longer answers for. AWS Batch forgets ended jobs after about a week (a run resumed that
 * late), and a job may be missing for a moment right after SubmitJob; one missing for {@link #AFTER} in a row
 * is taken as FAILED with {@link #REASON}, so the run ends instead of polling forever.
 */
final class LostJobs {
    static final Duration AFTER = Duration.ofMinutes(15);
    static final String REASON = "AWS Batch no longer knows this job (it keeps ended jobs for about 7 days)";

    private final Map<String, Long> missingSince = new HashMap<>();

    /** Adds a FAILED detail to {@code answered} for every asked id missing for {@link #AFTER}; returns those ids. */
    List<String> fillIn(List<String> asked, Map<String, JobDetail> answered, long now) {
        List<String> lost = new ArrayList<>();
        for (String id : asked) {
            if (answered.containsKey(id)) {
                missingSince.remove(id);
                continue;
            }
            long since = missingSince.computeIfAbsent(id, k -> now);
            if (now - since >= AFTER.toMillis()) {
                answered.put(id, new JobDetail(id, null, null, null, JobStatus.FAILED, REASON, 0L, null, null, null,
                        null, null, null, null, null, null, false, false, null));
                lost.add(id);
            }
        }
        return lost;
    }

    static boolean isLost(JobDetail detail) {
        return REASON.equals(detail.statusReason());
    }
}
