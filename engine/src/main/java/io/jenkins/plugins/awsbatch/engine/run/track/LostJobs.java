package io.jenkins.plugins.awsbatch.engine.run.track;

import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
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
 * is taken as FAILED with {@link #REASON}, so the run ends instead of polling forever. An engine that keeps every
 * job ({@link BatchService#keepsEveryJob()}, the local one) will never know a job it does not know now: such a
 * job is FAILED at once with {@link #LOCAL_REASON}.
 */
public final class LostJobs {
    static final Duration AFTER = Duration.ofMinutes(15);
    public static final String REASON = "AWS Batch no longer knows this job (it keeps ended jobs for about 7 days)";
    public static final String LOCAL_REASON = "the local engine has no record of this job (its job table in the run's "
            + "local-batch folder was removed or replaced)";

    private final Map<String, Long> missingSince = new HashMap<>();
    private final Duration after;
    private final String reason;

    private LostJobs(Duration after, String reason) {
        this.after = after;
        this.reason = reason;
    }

    static LostJobs of(BatchService batch) {
        return batch.keepsEveryJob() ? new LostJobs(Duration.ZERO, LOCAL_REASON) : new LostJobs(AFTER, REASON);
    }

    /** A line for the run's log about a job taken as lost. */
    String describe(String jobId) {
        return after.isZero()
                ? "job " + jobId + " is unknown to the local engine: taken as FAILED (" + reason + ")"
                : "job " + jobId + " is not found by DescribeJobs for " + after.toMinutes() + " min: taken as FAILED ("
                        + reason + ")";
    }

    /** Adds a FAILED detail to {@code answered} for every asked id missing long enough; returns those ids. */
    List<String> fillIn(List<String> asked, Map<String, JobDetail> answered, long now) {
        List<String> lost = new ArrayList<>();
        for (String id : asked) {
            if (answered.containsKey(id)) {
                missingSince.remove(id);
                continue;
            }
            long since = missingSince.computeIfAbsent(id, k -> now);
            if (now - since >= after.toMillis()) {
                answered.put(
                        id,
                        new JobDetail(
                                id,
                                null,
                                null,
                                null,
                                JobStatus.FAILED,
                                reason,
                                0L,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false,
                                false,
                                null));
                lost.add(id);
            }
        }
        return lost;
    }

    static boolean isLost(JobDetail detail) {
        return REASON.equals(detail.statusReason()) || LOCAL_REASON.equals(detail.statusReason());
    }
}
