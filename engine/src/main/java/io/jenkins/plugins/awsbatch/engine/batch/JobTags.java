package io.jenkins.plugins.awsbatch.engine.batch;

import java.util.Locale;
import java.util.Map;

/**
 * AWS Batch's limits on a job's tags, and the two the engine adds to every job (so a resumed run finds its jobs):
 * shared by the graph's validation (before anything is submitted) and SubmitJob's.
 */
public final class JobTags {
    public static final String RUN = "batchgraph:run";
    public static final String STAGE = "batchgraph:stage";
    public static final int MAX = 50;

    private JobTags() {
    }

    /** What is wrong with these tags, or null: at most 50, keys 1-128 characters not starting with "aws:", values at most 256. */
    public static String problem(Map<String, String> tags) {
        if (tags.size() > MAX) {
            return "A job takes at most " + MAX + " tags, got " + tags.size();
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            if (key.isEmpty() || key.length() > 128 || tag.getValue() != null && tag.getValue().length() > 256) {
                return "Tag keys are 1-128 characters and values at most 256: '" + key + "'";
            }
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                return "Tag keys starting with 'aws:' are reserved: '" + key + "'";
            }
        }
        return null;
    }
}
