package io.jenkins.plugins.awsbatch.bridge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The failed items a step keeps in what Jenkins persists (its return map, in the Pipeline program; the build
 * page's record, in build.xml): the first 100 of each stage, or as many as the system property {@link #PROPERTY}
 * says. Every failed item stays in the run's state in its store, which the return map names.
 */
public final class FailedItemCap {
    public static final String PROPERTY = FailedItemCap.class.getName() + ".max";
    static final int DEFAULT = 100;

    private FailedItemCap() {}

    static int max() {
        return Math.max(1, Integer.getInteger(PROPERTY, DEFAULT));
    }

    static <T> List<T> first(Collection<T> all) {
        int max = max();
        List<T> kept = new ArrayList<>(Math.min(all.size(), max));
        for (T t : all) {
            if (kept.size() == max) {
                break;
            }
            kept.add(t);
        }
        return kept;
    }
}
