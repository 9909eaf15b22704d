package io.jenkins.plugins.awsbatch.engine.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Objects addressed by URI ({@code file:///abs/path} or {@code s3://bucket/key}). Implementations: a local
 * folder and S3. Keys are {@code /}-separated; a "prefix" is a URI ending in {@code /}.
 */
public interface ObjectStore extends AutoCloseable {

    void put(String uri, byte[] content);

    /** Writes many objects; S3 does this in parallel with bounded concurrency. */
    default void putAll(Map<String, byte[]> objects) {
        objects.forEach(this::put);
    }

    Optional<byte[]> get(String uri);

    /** Every object URI under the prefix, recursively, in lexical order. */
    List<String> list(String prefixUri);

    /**
     * The names of the folders directly under {@code prefixUri} (a store's runs), sorted. This default walks
     * every object; stores that can list one level (a folder, S3 with a delimiter) do so.
     */
    default List<String> childNames(String prefixUri) {
        String prefix = StoreUris.asPrefix(prefixUri);
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (String uri : list(prefix)) {
            String rest = uri.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                names.add(rest.substring(0, slash));
            }
        }
        return List.copyOf(names);
    }

    /**
     * Deletes every object under {@code prefixUri} and returns how many were deleted. Implementations refuse a
     * prefix that is not strictly inside {@code allowedRoot} (never more than the run's prefix).
     */
    int deletePrefix(String prefixUri, String allowedRoot);

    @Override
    default void close() {
    }
}
