package io.jenkins.plugins.awsbatch.engine.run.track;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Compresses item indexes to ranges: [1,2,3,7,9,10] → "1-3, 7, 9-10". */
public final class IndexRanges {
    private IndexRanges() {}

    public static String format(Collection<Long> indexes) {
        return format(indexes, Integer.MAX_VALUE);
    }

    /** At most {@code maxRanges} ranges, then {@code ", ... (N more)"}: bounded whatever fails. */
    public static String format(Collection<Long> indexes, int maxRanges) {
        List<long[]> ranges = new ArrayList<>();
        for (long index : new TreeSet<>(indexes)) {
            long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && index == last[1] + 1) {
                last[1] = index;
            } else {
                ranges.add(new long[] {index, index});
            }
        }
        StringBuilder out = new StringBuilder();
        long shown = 0;
        for (int i = 0; i < ranges.size() && i < maxRanges; i++) {
            long[] range = ranges.get(i);
            out.append(i == 0 ? "" : ", ").append(range[0]);
            if (range[1] > range[0]) {
                out.append('-').append(range[1]);
            }
            shown += range[1] - range[0] + 1;
        }
        if (ranges.size() > maxRanges) {
            out.append(", ... (").append(new TreeSet<>(indexes).size() - shown).append(" more)");
        }
        return out.toString();
    }
}
