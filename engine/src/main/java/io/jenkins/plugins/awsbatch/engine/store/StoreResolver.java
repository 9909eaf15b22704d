package io.jenkins.plugins.awsbatch.engine.store;

/** Picks the object store for a URI's scheme ({@code file:} or {@code s3:}). */
@FunctionalInterface
public interface StoreResolver {
    ObjectStore forUri(String uri);

    /** Local folders only; an {@code s3://} URI is a clear error naming the fix. */
    static StoreResolver localOnly() {
        LocalObjectStore local = new LocalObjectStore();
        return uri -> {
            if (uri.startsWith("s3://")) {
                throw new IllegalArgumentException("'" + uri + "' needs AWS: run with --engine aws (and a region)");
            }
            return local;
        };
    }
}
