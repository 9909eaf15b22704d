package io.jenkins.plugins.awsbatch.engine.notify;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.StageResult;
import io.jenkins.plugins.awsbatch.engine.run.track.FailureDigest;
import io.jenkins.plugins.awsbatch.engine.run.track.IndexRanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every channel says about one run, built once from its {@link RunResult}: bounded whatever the size of
 * the run (a few items per stage, a few log lines per item), so a run of 100,000 failures still makes one
 * short message.
 *
 * @param headline as {@link FailureDigest#oneLine} says it ("recommendations FAILED: rank: 3 failed (items 5-7)"),
 *                 but with the ranges bounded
 * @param reason   the run's own message (e.g. why it was aborted), may be null
 * @param link     the Jenkins build URL when there is one, else the run's URI in the store (may be null)
 */
public record NotificationMessage(
        String runId,
        String runName,
        Outcome outcome,
        long durationMs,
        String link,
        String headline,
        String reason,
        List<StageSummary> stages) {
    public static final int MAX_ITEMS_PER_STAGE = 5;
    public static final int MAX_LOG_LINES = 5;
    public static final int MAX_LOG_LINE_LENGTH = 300;
    /** Failed indexes shown as ranges per stage; scattered failures would otherwise make an endless line. */
    public static final int MAX_RANGE_ITEMS = 50;

    public static final int MAX_HEADLINE = 300;

    public NotificationMessage {
        stages = List.copyOf(stages);
    }

    /** @param buildUrl the Jenkins build URL, or null outside Jenkins (the run URI is the link then) */
    public static NotificationMessage from(RunResult result, String buildUrl) {
        String link = buildUrl != null && !buildUrl.isBlank() ? buildUrl : result.runUri();
        List<StageSummary> stages =
                result.stages().stream().map(NotificationMessage::summarise).toList();
        return new NotificationMessage(
                result.runId(),
                result.name(),
                result.outcome(),
                result.durationMs(),
                link,
                headline(result, stages),
                result.message(),
                stages);
    }

    /** "[batchgraph] recommendations FAILED (run 20250101-abc)": short enough for mail and SNS subjects. */
    public String subject() {
        return "[batchgraph] " + runName + " " + outcome + " (run " + runId + ")";
    }

    /** "1h 02m 03s", "2m 05s", "7s". */
    public String durationText() {
        long s = Math.max(0, durationMs) / 1000;
        long h = s / 3600;
        long m = s % 3600 / 60;
        long sec = s % 60;
        if (h > 0) {
            return String.format("%dh %02dm %02ds", h, m, sec);
        }
        return m > 0 ? String.format("%dm %02ds", m, sec) : sec + "s";
    }

    public List<StageSummary> failedStages() {
        return stages.stream()
                .filter(s -> s.failedCount() > 0 || "FAILED".equals(s.status()))
                .toList();
    }

    private static String headline(RunResult result, List<StageSummary> stages) {
        List<String> parts = stages.stream()
                .filter(s -> s.failedCount() > 0 || "FAILED".equals(s.status()))
                .map(s ->
                        s.name() + ": " + (s.failedCount() == 0 ? s.status().toLowerCase(Locale.ROOT) : s.failedText()))
                .toList();
        String line = result.name() + " " + result.outcome() + (parts.isEmpty() ? "" : ": " + String.join("; ", parts));
        return line.length() <= MAX_HEADLINE ? line : line.substring(0, MAX_HEADLINE - 3) + "...";
    }

    private static StageSummary summarise(StageResult stage) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JobStatus status : JobStatus.values()) {
            Integer n = stage.counts() == null ? null : stage.counts().get(status);
            if (n != null && n > 0) {
                counts.put(status.name(), n);
            }
        }
        List<FailedItem> all = stage.failedItems() == null ? List.of() : stage.failedItems();
        List<FailedItem> listed = new ArrayList<>();
        for (FailedItem item : all.stream().limit(MAX_ITEMS_PER_STAGE).toList()) {
            listed.add(item.withLogTail(shortTail(item.logTail())));
        }
        long failed = Math.max(stage.failedCount(), all.size());
        String ranges = IndexRanges.format(
                all.stream().limit(MAX_RANGE_ITEMS).map(FailedItem::index).toList());
        if (!ranges.isEmpty() && failed > Math.min(all.size(), MAX_RANGE_ITEMS)) {
            ranges += ", ...";
        }
        return new StageSummary(
                stage.name(),
                stage.status().name(),
                stage.reason(),
                counts,
                failed,
                ranges,
                listed,
                failed - listed.size());
    }

    private static List<String> shortTail(List<String> tail) {
        List<String> last = tail.subList(Math.max(0, tail.size() - MAX_LOG_LINES), tail.size());
        return last.stream()
                .map(l -> l.length() > MAX_LOG_LINE_LENGTH ? l.substring(0, MAX_LOG_LINE_LENGTH) + "..." : l)
                .toList();
    }
}
