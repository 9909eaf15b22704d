package io.jenkins.plugins.awsbatch.engine.run.track;

import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.plan.Manifest;
import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.IndexMaps;
import io.jenkins.plugins.awsbatch.engine.run.state.JobRecord;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.track.ChildLister;
import io.jenkins.plugins.awsbatch.engine.track.JobPoller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Once every job of a stage's round has ended: finds which items failed (listing only the failed children of
 * failed arrays), attaches log tails to the first few, totals compute seconds, and decides the stage's fate:
 * retry the failed items, succeed, pass as UNSTABLE within the tolerance, or fail.
 */
final class StageJudge {
    private final RunServices services;
    private final IndexMaps indexMaps;
    private final ChildLister children;
    private final JobPoller poller;

    StageJudge(RunServices services, IndexMaps indexMaps) {
        this.services = services;
        this.indexMaps = indexMaps;
        this.children = new ChildLister(services.batch());
        this.poller = new JobPoller(services.batch());
    }

    /** Failed items of this round, item index → failure, and the round's compute seconds. */
    record RoundOutcome(TreeMap<Long, FailedItem> failed, double computeSeconds) {}

    RoundOutcome judgeRound(StageSpec stage, StageState stageState, Map<String, JobDetail> details, Manifest manifest) {
        TreeMap<Long, FailedItem> failed = new TreeMap<>();
        double seconds = 0;
        List<JobRecord> jobs = stageState.jobsOfRound(stageState.round);
        boolean itemStage = stage.type() == StageType.ARRAY;
        for (int ordinal = 0; ordinal < jobs.size(); ordinal++) {
            JobRecord job = jobs.get(ordinal);
            JobDetail detail = details.get(job.jobId());
            if (detail == null) {
                continue;
            }
            if (job.isArray()) {
                if (detail.status() == JobStatus.FAILED) {
                    List<JobSummary> failedChildren =
                            LostJobs.isLost(detail) ? List.of() : children.children(job.jobId(), JobStatus.FAILED);
                    for (JobSummary child : failedChildren) {
                        long item = indexMaps.itemIndex(job.indexMapUri(), job.offset(), child.arrayIndex());
                        // Only array stages run over items; an aggregation array's children are named by job.
                        String key = itemStage ? manifest.keyOf(item) : job.jobName() + ":" + child.arrayIndex();
                        failed.put(
                                item,
                                new FailedItem(
                                        item, key, child.jobId(), child.exitCode(), child.statusReason(), List.of()));
                        seconds += seconds(child.startedAt(), child.stoppedAt());
                    }
                    if (failedChildren.isEmpty()) {
                        // A FAILED parent without failed children (cancelled or terminated before it spawned
                        // them, or forgotten by Batch): none of its items ran to success.
                        for (int child = 0; child < job.size(); child++) {
                            long item = indexMaps.itemIndex(job.indexMapUri(), job.offset(), child);
                            String key = itemStage ? manifest.keyOf(item) : job.jobName() + ":" + child;
                            failed.put(
                                    item,
                                    new FailedItem(item, key, job.jobId(), null, detail.statusReason(), List.of()));
                        }
                    }
                }
                // Array parents carry no child times, so the succeeded children are listed once, here, in pages of
                // 1,000; not at all when DescribeJobs already said none of them succeeded.
                if (services.settings().computeSeconds()
                        && !LostJobs.isLost(detail)
                        && mayHaveSucceededChildren(detail)) {
                    for (JobSummary child : children.children(job.jobId(), JobStatus.SUCCEEDED)) {
                        seconds += seconds(child.startedAt(), child.stoppedAt());
                    }
                }
            } else {
                seconds += seconds(detail.startedAt(), detail.stoppedAt());
                if (detail.status() == JobStatus.FAILED) {
                    long item = itemStage ? indexMaps.itemIndex(job.indexMapUri(), job.offset(), 0) : ordinal;
                    String key = itemStage
                            ? manifest.keyOf(item)
                            : job.partition() != null ? job.partition() : job.jobName();
                    failed.put(
                            item,
                            new FailedItem(
                                    item, key, job.jobId(), detail.exitCode(), detail.statusReason(), List.of()));
                }
            }
        }
        attachLogTails(failed);
        return new RoundOutcome(failed, seconds);
    }

    /** Log tails for the first few failed items only: the digest stays bounded whatever fails. */
    private void attachLogTails(TreeMap<Long, FailedItem> failed) {
        List<FailedItem> first = failed.values().stream()
                .filter(f -> !"Dependent Job failed".equals(f.statusReason()))
                .limit(services.settings().maxLogTails())
                .toList();
        if (first.isEmpty()) {
            return;
        }
        Map<String, JobDetail> details =
                poller.describe(first.stream().map(FailedItem::jobId).toList());
        for (FailedItem item : first) {
            JobDetail detail = details.get(item.jobId());
            if (detail != null) {
                failed.put(item.index(), item.withLogTail(boundedTail(detail)));
            }
        }
    }

    private List<String> boundedTail(JobDetail detail) {
        List<String> lines;
        try {
            lines = services.logs().tail(detail, services.settings().logTailLines());
        } catch (RuntimeException e) {
            return List.of("(log unavailable: " + e.getMessage() + ")");
        }
        List<String> out = new ArrayList<>();
        int budget = services.settings().logTailBytes();
        for (int i = lines.size() - 1; i >= 0 && budget > 0; i--) {
            String line = lines.get(i).length() > budget ? lines.get(i).substring(0, budget) : lines.get(i);
            out.add(0, line);
            budget -= line.length() + 1;
        }
        return out;
    }

    /** Whether the failures stay within the stage's tolerance, out of {@code population} items. */
    static boolean tolerated(StageSpec stage, long failures, long population) {
        if (failures == 0) {
            return true;
        }
        if (stage.toleratedFailureCount() != null) {
            return failures <= stage.toleratedFailureCount();
        }
        if (stage.toleratedFailurePercent() != null) {
            return population > 0 && failures * 100.0 / population <= stage.toleratedFailurePercent();
        }
        return false;
    }

    /** False only when the parent's status summary says no child succeeded (AWS and the local engine both give it). */
    private static boolean mayHaveSucceededChildren(JobDetail parent) {
        Integer succeeded = parent.statusSummary().get(JobStatus.SUCCEEDED);
        return parent.statusSummary().isEmpty() || succeeded == null || succeeded > 0;
    }

    private static double seconds(Long startedAt, Long stoppedAt) {
        return startedAt == null || stoppedAt == null ? 0 : Math.max(0, stoppedAt - startedAt) / 1000.0;
    }
}
