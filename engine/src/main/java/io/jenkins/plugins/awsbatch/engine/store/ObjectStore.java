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

    /**
     * Bytes {@code first..last} (inclusive, as an HTTP {@code Range}) of the object, or empty when there is no
     * object; fewer when the object ends before {@code last}. S3 reads only the range (GetObject {@code Range});
     * this default reads the whole object.
     */
    default Optional<byte[]> getRange(String uri, long first, long last) {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a byte range: " + first + "-" + last + " of " + uri);
        }
        return get(uri).map(all -> java.util.Arrays.copyOfRange(
                all, (int) Math.min(first, all.length), (int) Math.min(last + 1, all.length)));
    }

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

    /** An object's content and the version a conditional write compares against (S3: its ETag). */
    record Versioned(byte[] content, String version) {}

    /** The object with its current version, or empty when there is none. */
    default Optional<Versioned> getVersioned(String uri) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " has no conditional writes (" + uri + ")");
    }

    /**
     * Writes the object only if none exists under {@code uri} (S3: {@code If-None-Match: *}). Returns its new
     * version, or empty when an object was there already (nothing written).
     */
    default Optional<String> putIfAbsent(String uri, byte[] content) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " has no conditional writes (" + uri + ")");
    }

    /**
     * Replaces the object only if its current version is {@code expectedVersion} (S3: {@code If-Match}). Returns
     * the new version, or empty when the object changed or vanished since that version was read (nothing written).
     */
    default Optional<String> putIfVersion(String uri, byte[] content, String expectedVersion) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " has no conditional writes (" + uri + ")");
    }

    /** Deletes the object only if its current version is {@code expectedVersion}; false when it was not. */
    default boolean deleteIfVersion(String uri, String expectedVersion) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " has no conditional writes (" + uri + ")");
    }

    @Override
    default void close() {}
}
