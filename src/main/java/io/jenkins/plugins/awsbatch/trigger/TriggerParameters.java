package io.jenkins.plugins.awsbatch.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The parameters of a triggered build: the job's own parameter defaults (what "Build with Parameters" would
 * offer), then {@code S3_BUCKET}, {@code S3_KEY}, {@code S3_ETAG}, which replace a default of the same name.
 * Jenkins-free (generic in the value type), so the rule is tested offline.
 */
public final class TriggerParameters {
    private TriggerParameters() {}

    public static <V> List<V> merge(
            List<V> defaults, Function<V, String> nameOf, Map<String, String> s3, BiFunction<String, String, V> make) {
        List<V> values = new ArrayList<>();
        for (V d : defaults) {
            if (d != null && !s3.containsKey(nameOf.apply(d))) {
                values.add(d);
            }
        }
        s3.forEach((name, value) -> values.add(make.apply(name, value)));
        return values;
    }
}
