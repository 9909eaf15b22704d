package io.jenkins.plugins.awsbatch.engine.run;

import java.util.Collection;
import java.util.Iterator;
import java.util.TreeSet;

/** Compresses item indexes to ranges: [1,2,3,7,9,10] → "1-3, 7, 9-10". */
public final class IndexRanges {
    private IndexRanges() {
    }

    public static String format(Collection<Long> indexes) {
        TreeSet<Long> sorted = new TreeSet<>(indexes);
        StringBuilder out = new StringBuilder();
        Iterator<Long> it = sorted.iterator();
        if (!it.hasNext()) {
            return "";
        }
        long start = it.next();
        long end = start;
        while (it.hasNext()) {
            long next = it.next();
            if (next == end + 1) {
                end = next;
                continue;
            }
            append(out, start, end);
            start = next;
            end = next;
        }
        append(out, start, end);
        return out.toString();
    }

    private static void append(StringBuilder out, long start, long end) {
        if (out.length() > 0) {
            out.append(", ");
        }
        out.append(start);
        if (end > start) {
            out.append('-').append(end);
        }
    }
}
