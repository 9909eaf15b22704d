package io.jenkins.plugins.awsbatch.engine.store;

import java.util.regex.Pattern;

/**
 * The object tag that marks a run's transient data in S3, so a lifecycle rule can expire it without ever touching
 * results: the engine tags what it writes for the run's jobs (items, index maps) at PutObject, and array stages'
 * jobs get the same tagging in {@code BATCHGRAPH_OUTPUT_TAGGING} for what they write. State, manifest and every
 * other object stay untagged.
 */
public final class TransientObjects {
    public static final String TAG_KEY = "batchgraph-transient";
    public static final String TAG_VALUE = "true";
    /** PutObject's {@code x-amz-tagging} form. */
    public static final String TAGGING = TAG_KEY + "=" + TAG_VALUE;
    /**
     * items/&lt;i&gt;.json (per-item), items/&lt;part&gt;.jsonl and items/offsets.txt (packed),
     * stages/&lt;stage&gt;/population.json and stages/&lt;stage&gt;/retry-&lt;r&gt;.json of a run.
     */
    private static final Pattern ENGINE_TRANSIENT =
            Pattern.compile("(^|/)(items/(\\d+\\.jsonl?|offsets\\.txt)|stages/[^/]+/(population|retry-\\d+)\\.json)$");

    private TransientObjects() {}

    public static boolean isTransient(String key) {
        return ENGINE_TRANSIENT.matcher(key).find();
    }

    /** The tagging to write {@code key} with, or null for none. */
    public static String taggingFor(String key) {
        return isTransient(key) ? TAGGING : null;
    }
}
