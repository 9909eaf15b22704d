package io.jenkins.plugins.awsbatch.engine.notify;

import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stage as a notification shows it.
 *
 * @param counts       jobs per status, only the non-zero ones, in lifecycle order
 * @param failedRanges failed items as ranges ("5-7, 12", ending in ", ..." when cut short)
 * @param failedItems  the first few failed items, each with a short log tail
 * @param moreFailed   failed items not in {@code failedItems}
 */
public record StageSummary(
        String name,
        String status,
        String reason,
        Map<String, Integer> counts,
        long failedCount,
        String failedRanges,
        List<FailedItem> failedItems,
        long moreFailed) {
    public StageSummary {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        failedItems = List.copyOf(failedItems);
    }

    /** "97 SUCCEEDED, 3 FAILED" (or "no jobs"). */
    public String countsText() {
        if (counts.isEmpty()) {
            return "no jobs";
        }
        StringBuilder out = new StringBuilder();
        counts.forEach((status, n) ->
                out.append(out.length() == 0 ? "" : ", ").append(n).append(' ').append(status));
        return out.toString();
    }

    /** "3 failed (items 5-7, ...)" or "" when nothing failed. */
    public String failedText() {
        if (failedCount == 0) {
            return "";
        }
        return failedCount + " failed" + (failedRanges.isEmpty() ? "" : " (items " + failedRanges + ")");
    }
}
