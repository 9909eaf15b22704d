package io.jenkins.plugins.awsbatch.engine.run.track;

import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.StageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One digest per run, the text notifications, the CLI and the Jenkins console print: per failed stage the
 * failed item ranges, keys, exit codes, reasons, the last log lines of the first few, and retry rounds.
 * Bounded whatever fails: at most {@code maxItems} items listed per stage.
 */
public final class FailureDigest {
    /** Ranges in the one-line digest (an exception message must stay one short line). */
    static final int MAX_RANGES = 20;

    private final int maxItems;

    public FailureDigest(int maxItems) {
        this.maxItems = maxItems;
    }

    /** One line, for an exception message: {@code rank: items 5-7, 12 failed (4 of 100)}. */
    public static String oneLine(RunResult result) {
        List<String> parts = new ArrayList<>();
        for (StageResult stage : result.failedStages()) {
            String ranges = IndexRanges.format(
                    stage.failedItems().stream().map(FailedItem::index).toList(), MAX_RANGES);
            parts.add(stage.name() + ": "
                    + (stage.failedCount() == 0
                            ? stage.status().name().toLowerCase(Locale.ROOT)
                                    + (stage.reason() == null ? "" : " (" + stage.reason() + ")")
                            : stage.failedCount() + " failed"
                                    + (ranges.isEmpty()
                                            ? ""
                                            : " (items " + ranges
                                                    + (stage.failedItems().size() < stage.failedCount() ? ", ..." : "")
                                                    + ")")));
        }
        return result.name() + " " + result.outcome() + (parts.isEmpty() ? "" : ": " + String.join("; ", parts));
    }

    public List<String> lines(RunResult result) {
        List<String> out = new ArrayList<>();
        out.add(oneLine(result));
        for (StageResult stage : result.failedStages()) {
            out.add("stage " + stage.name() + " " + stage.status()
                    + (stage.reason() == null ? "" : " (" + stage.reason() + ")") + ": " + stage.failedCount()
                    + " failed item(s)" + (stage.rounds() > 0 ? " after " + stage.rounds() + " retry round(s)" : ""));
            stage.failedItems().stream().limit(maxItems).forEach(item -> {
                out.add("  item " + item.index() + " [" + item.key() + "] exit "
                        + (item.exitCode() == null ? "-" : item.exitCode()) + ": "
                        + (item.statusReason() == null ? "" : item.statusReason()));
                item.logTail().forEach(line -> out.add("    | " + line));
            });
            if (stage.failedItems().size() > maxItems) {
                out.add("  ... " + (stage.failedItems().size() - maxItems) + " more");
            }
        }
        result.stages().stream()
                .filter(s -> !s.recoveredInRound().isEmpty())
                .forEach(s -> out.add("stage " + s.name()
                        + ": " + s.recoveredInRound().size() + " item(s) recovered by retry ("
                        + s.recoveredInRound().entrySet().stream()
                                .limit(maxItems)
                                .map(e -> e.getKey() + " in round " + e.getValue())
                                .collect(Collectors.joining(", "))
                        + ")"));
        return out;
    }
}
