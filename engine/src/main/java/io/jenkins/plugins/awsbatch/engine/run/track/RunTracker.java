package io.jenkins.plugins.awsbatch.engine.run.track;

import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.JobRecord;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.track.JobPoller;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run's submitted jobs are doing: one DescribeJobs per 100 jobs of the current rounds not yet ended, jobs
 * Batch forgot filled in, jobs stuck RUNNABLE reported, and each stage's counts (progress events on change only);
 * on abort, those not yet ended terminated.
 */
public final class RunTracker {
    private final RunServices services;
    private final RunState state;
    private final JobPoller poller;
    private final LostJobs lostJobs;
    private final RunnableWatch runnableWatch;
    /** Latest detail of every job of the run that has been polled. */
    private final Map<String, JobDetail> details = new HashMap<>();

    public RunTracker(RunServices services, RunState state) {
        this.services = services;
        this.state = state;
        this.poller = new JobPoller(services.batch());
        this.runnableWatch = new RunnableWatch(services.batch());
        this.lostJobs = LostJobs.of(services.batch());
    }

    /** Polls the jobs not yet ended; true if any stage's counts changed. */
    public boolean poll() {
        List<String> open = new ArrayList<>();
        for (StageState stage : state.stages.values()) {
            if (stage.status == StageStatus.SUBMITTED && !stage.rerunPending) {
                for (JobRecord job : stage.jobs) {
                    if (job.round() != stage.round) {
                        continue; // earlier rounds were judged
                    }
                    if (!ended(job.jobId())) {
                        open.add(job.jobId());
                    }
                }
            }
        }
        if (open.isEmpty()) {
            return false;
        }
        Map<String, JobDetail> polled = poller.describe(open);
        for (String id : lostJobs.fillIn(open, polled, services.clock().millis())) {
            services.listener().message(lostJobs.describe(id));
        }
        details.putAll(polled);
        String stuck = runnableWatch.observe(polled.values(), services.clock().millis());
        if (stuck != null) {
            services.listener().message(stuck);
        }
        boolean changed = false;
        for (StageSpec stage : state.graph.stages()) {
            StageState stageState = state.stage(stage.name());
            if (stageState.status != StageStatus.SUBMITTED || stageState.rerunPending) {
                continue;
            }
            Map<JobStatus, Integer> counts = countsOf(stageState);
            if (!counts.equals(stageState.counts)) {
                stageState.counts = counts;
                changed = true;
                services.listener()
                        .progress(
                                stage.name(),
                                counts,
                                counts.values().stream()
                                        .mapToLong(Integer::longValue)
                                        .sum());
            }
        }
        return changed;
    }

    /**
     * Terminates every job of the stages' current rounds not yet ended (array parents take their children along);
     * returns how many. A job that cannot be terminated is reported and left.
     */
    public int terminateOpen(String reason) {
        int terminated = 0;
        for (StageState stage : state.stages.values()) {
            for (JobRecord job : stage.jobs) {
                if (job.round() == stage.round && !stage.rerunPending && !ended(job.jobId())) {
                    try {
                        services.batch().terminateJob(job.jobId(), reason);
                        terminated++;
                    } catch (RuntimeException e) {
                        services.listener().message("could not terminate " + job.jobName() + ": " + e.getMessage());
                    }
                }
            }
        }
        return terminated;
    }

    /** Whether the last poll saw the job end (a job never polled has not). */
    public boolean ended(String jobId) {
        JobDetail detail = details.get(jobId);
        return detail != null && detail.status().isTerminal();
    }

    /** Whether every job of the stage's current round has ended. */
    public boolean roundEnded(StageState stageState) {
        return stageState.jobs.stream()
                .filter(j -> j.round() == stageState.round)
                .allMatch(j -> ended(j.jobId()));
    }

    /** The latest detail of each polled job, by job id. */
    Map<String, JobDetail> details() {
        return details;
    }

    private Map<JobStatus, Integer> countsOf(StageState stageState) {
        Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
        for (JobStatus status : JobStatus.values()) {
            counts.put(status, 0);
        }
        for (JobRecord job : stageState.jobsOfRound(stageState.round)) {
            JobDetail detail = details.get(job.jobId());
            if (detail == null) {
                counts.merge(JobStatus.SUBMITTED, job.size(), Integer::sum);
            } else if (job.isArray() && !detail.statusSummary().isEmpty()) {
                detail.statusSummary().forEach((status, n) -> counts.merge(status, n, Integer::sum));
            } else {
                counts.merge(detail.status(), job.size(), Integer::sum);
            }
        }
        return counts;
    }
}
