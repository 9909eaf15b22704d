package io.jenkins.plugins.awsbatch.exec;

import java.util.List;

/**
 * Job ids for an error message, which Pipeline keeps in the build's program: the first {@link #MAX} ids, then how
 * many more (the console log lists every one).
 */
public final class JobIdList {
    public static final int MAX = 100;

    private JobIdList() {}

    public static String of(List<String> ids) {
        if (ids.size() <= MAX) {
            return String.join(" ", ids);
        }
        return String.join(" ", ids.subList(0, MAX)) + " ... and " + (ids.size() - MAX)
                + " more (the console log lists every job id)";
    }
}
