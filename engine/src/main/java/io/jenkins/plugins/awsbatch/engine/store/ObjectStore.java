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
     * Deletes every object under {@code prefixUri} and returns how many were deleted. Implementations refuse a
     * prefix that is not strictly inside {@code allowedRoot} (never more than the run's prefix).
     */
    int deletePrefix(String prefixUri, String allowedRoot);

    @Override
    default void close() {
    }
}
