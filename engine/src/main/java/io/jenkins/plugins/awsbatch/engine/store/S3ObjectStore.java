package io.jenkins.plugins.awsbatch.engine.store;

import io.jenkins.plugins.awsbatch.engine.batch.TokenBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The store on S3 ({@code s3://bucket/key} URIs). {@link #putAll} writes with at most {@code concurrency}
 * requests in flight; {@link #deletePrefix} checks the prefix against the allowed root before any call and
 * deletes with DeleteObjects, 1,000 keys a call, sending keys that failed transiently again. The client is owned by
 * the caller.
 */
public final class S3ObjectStore implements ObjectStore {
    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStore.class);
    /** DeleteObjects' limit. */
    public static final int DELETE_BATCH = 1000;

    /** Per-key DeleteObjects error codes worth another try. */
    static final Set<String> TRANSIENT_ERRORS = Set.of("InternalError", "SlowDown", "ServiceUnavailable");

    static final int DELETE_ATTEMPTS = 5;

    private final S3Client s3;
    private final int concurrency;
    private final TokenBucket.Sleeper sleeper;
    /** Set once S3 refused a tagged PutObject: later writes go untagged instead of failing twice each. */
    private volatile boolean taggingRefused;

    public S3ObjectStore(S3Client s3, int concurrency) {
        this(s3, concurrency, TokenBucket.Sleeper.THREAD);
    }

    S3ObjectStore(S3Client s3, int concurrency, TokenBucket.Sleeper sleeper) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.s3 = s3;
        this.concurrency = concurrency;
        this.sleeper = sleeper;
    }

    @Override
    public void put(String uri, byte[] content) {
        S3Location loc = objectLocation(uri);
        // transient data carries the tag housekeeping's lifecycle rule expires by
        String tagging = taggingRefused ? null : TransientObjects.taggingFor(loc.key());
        try {
            s3.putObject(r -> r.bucket(loc.bucket()).key(loc.key()).tagging(tagging), RequestBody.fromBytes(content));
        } catch (S3Exception e) {
            if (tagging == null || e.statusCode() != 403) {
                throw e;
            }
            // Tagging at PutObject needs s3:PutObjectTagging as well; a role without it still runs, untagged
            // (only housekeeping's expiry of this run's transient objects is lost).
            if (!taggingRefused) {
                taggingRefused = true;
                LOG.warn(
                        "S3 refused tagging {} (s3:PutObjectTagging missing?): transient objects are written"
                                + " untagged, so housekeeping's lifecycle rule will not expire them",
                        TransientObjects.TAGGING);
            }
            s3.putObject(r -> r.bucket(loc.bucket()).key(loc.key()), RequestBody.fromBytes(content));
        }
    }

    @Override
    public Optional<Versioned> getVersioned(String uri) {
        S3Location loc = objectLocation(uri);
        try {
            ResponseBytes<GetObjectResponse> object =
                    s3.getObjectAsBytes(r -> r.bucket(loc.bucket()).key(loc.key()));
            return Optional.of(
                    new Versioned(object.asByteArray(), object.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** PutObject with {@code If-None-Match: *}: S3 answers 412 when the key exists. */
    @Override
    public Optional<String> putIfAbsent(String uri, byte[] content) {
        S3Location loc = objectLocation(uri);
        return conditional(() -> s3.putObject(
                        r -> r.bucket(loc.bucket()).key(loc.key()).ifNoneMatch("*"), RequestBody.fromBytes(content))
                .eTag());
    }

    /** PutObject with {@code If-Match: <ETag>}: S3 answers 412 when the object changed, 404 when it is gone. */
    @Override
    public Optional<String> putIfVersion(String uri, byte[] content, String expectedVersion) {
        S3Location loc = objectLocation(uri);
        return conditional(() -> s3.putObject(
                        r -> r.bucket(loc.bucket()).key(loc.key()).ifMatch(expectedVersion),
                        RequestBody.fromBytes(content))
                .eTag());
    }

    @Override
    public boolean deleteIfVersion(String uri, String expectedVersion) {
        S3Location loc = objectLocation(uri);
        return conditional(() -> {
                    s3.deleteObject(r -> r.bucket(loc.bucket()).key(loc.key()).ifMatch(expectedVersion));
                    return "deleted";
                })
                .isPresent();
    }

    /**
     * Runs a conditional request: empty when its condition failed (412, or 404 for an object that is gone). A 409
     * (another conditional write to the key in flight) is tried again after a pause, as S3 asks.
     */
    private Optional<String> conditional(Supplier<String> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(request.get());
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            } catch (S3Exception e) {
                if (e.statusCode() == 412 || e.statusCode() == 404) {
                    return Optional.empty();
                }
                if (e.statusCode() != 409 || attempt >= DELETE_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    @Override
    public void putAll(Map<String, byte[]> objects) {
        if (objects.isEmpty()) {
            return;
        }
        objects.keySet().forEach(S3ObjectStore::objectLocation);
        if (objects.size() == 1 || concurrency == 1) {
            objects.forEach(this::put);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, objects.size()), r -> {
            Thread t = new Thread(r, "s3-put");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(objects.size());
            objects.forEach((uri, content) -> futures.add(pool.submit(() -> put(uri, content))));
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    futures.forEach(other -> other.cancel(true));
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException("writing to S3 failed", cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to S3", e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public Optional<byte[]> get(String uri) {
        return getVersioned(uri).map(Versioned::content);
    }

    /** GetObject with {@code Range: bytes=first-last}: only those bytes cross the network. */
    @Override
    public Optional<byte[]> getRange(String uri, long first, long last) {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a byte range: " + first + "-" + last + " of " + uri);
        }
        S3Location loc = objectLocation(uri);
        try {
            return Optional.of(s3.getObjectAsBytes(
                            r -> r.bucket(loc.bucket()).key(loc.key()).range("bytes=" + first + "-" + last))
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            if (e.statusCode() == 416) {
                return Optional.of(new byte[0]); // the object ends before first
            }
            throw e;
        }
    }

    /** Objects only: the zero-byte "folder/" markers the S3 console creates are no objects of ours. */
    @Override
    public List<String> list(String prefixUri) {
        S3Location loc = S3Location.parse(prefixUri);
        List<String> out = new ArrayList<>();
        for (S3Object o : listObjects(loc)) {
            if (!o.key().endsWith("/")) {
                out.add("s3://" + loc.bucket() + "/" + o.key());
            }
        }
        out.sort(null);
        return out;
    }

    /** One level of the listing: the common prefixes under {@code prefixUri} with delimiter {@code /}. */
    @Override
    public List<String> childNames(String prefixUri) {
        S3Location loc = S3Location.parse(prefixUri);
        List<String> out = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder req = ListObjectsV2Request.builder()
                    .bucket(loc.bucket())
                    .prefix(loc.keyPrefix())
                    .delimiter("/");
            if (token != null) {
                req.continuationToken(token);
            }
            ListObjectsV2Response page = s3.listObjectsV2(req.build());
            page.commonPrefixes()
                    .forEach(p -> out.add(p.prefix()
                            .substring(loc.keyPrefix().length(), p.prefix().length() - 1)));
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        out.sort(null);
        return out;
    }

    @Override
    public int deletePrefix(String prefixUri, String allowedRoot) {
        S3Location target = S3Location.parse(prefixUri);
        S3Location root = S3Location.parse(allowedRoot);
        if (!target.bucket().equals(root.bucket())
                || target.key().isEmpty()
                || !StoreUris.isInside(prefixUri, allowedRoot)
                || hasDotSegment(target.key())) {
            throw new IllegalArgumentException("refusing to delete " + prefixUri + ": it is not inside " + allowedRoot);
        }
        List<ObjectIdentifier> batch = new ArrayList<>(DELETE_BATCH);
        int deleted = 0;
        for (S3Object o : listObjects(target)) {
            batch.add(ObjectIdentifier.builder().key(o.key()).build());
            if (batch.size() == DELETE_BATCH) {
                deleted += delete(target.bucket(), batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            deleted += delete(target.bucket(), batch);
        }
        return deleted;
    }

    /**
     * DeleteObjects answers 200 with per-key errors; the SDK retries none of them. Keys that failed with a transient
     * code (InternalError, SlowDown, ...) are sent again with a growing pause; any other error fails the cleanup.
     */
    private int delete(String bucket, List<ObjectIdentifier> keys) {
        List<ObjectIdentifier> pending = List.copyOf(keys);
        for (int attempt = 1; ; attempt++) {
            List<ObjectIdentifier> batch = pending;
            DeleteObjectsResponse response = s3.deleteObjects(r -> r.bucket(bucket)
                    .delete(Delete.builder().objects(batch).quiet(true).build()));
            List<S3Error> errors = response.hasErrors() ? response.errors() : List.of();
            if (errors.isEmpty()) {
                return keys.size();
            }
            if (attempt >= DELETE_ATTEMPTS || !errors.stream().allMatch(e -> TRANSIENT_ERRORS.contains(e.code()))) {
                S3Error first = errors.stream()
                        .filter(e -> !TRANSIENT_ERRORS.contains(e.code()))
                        .findFirst()
                        .orElse(errors.get(0));
                throw new IllegalStateException("S3 DeleteObjects failed for " + errors.size() + " keys, first s3://"
                        + bucket + "/" + first.key() + ": " + first.code() + " " + first.message());
            }
            pending = errors.stream()
                    .map(e -> ObjectIdentifier.builder()
                            .key(e.key())
                            .versionId(e.versionId())
                            .build())
                    .toList();
            pause(attempt);
        }
    }

    private void pause(int attempt) {
        long millis = Math.min(5_000L, 200L << Math.min(attempt - 1, 10));
        try {
            sleeper.sleepNanos(millis * 1_000_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for S3", e);
        }
    }

    /** Every object under the location's key prefix, following ListObjectsV2 continuation tokens. */
    private List<S3Object> listObjects(S3Location loc) {
        List<S3Object> out = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder req =
                    ListObjectsV2Request.builder().bucket(loc.bucket()).prefix(loc.keyPrefix());
            if (token != null) {
                req.continuationToken(token);
            }
            ListObjectsV2Response page = s3.listObjectsV2(req.build());
            out.addAll(page.contents());
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return out;
    }

    private static S3Location objectLocation(String uri) {
        S3Location loc = S3Location.parse(uri);
        if (loc.key().isEmpty() || loc.key().endsWith("/")) {
            throw new IllegalArgumentException("an S3 object URI needs a key not ending in '/': " + uri);
        }
        return loc;
    }

    private static boolean hasDotSegment(String key) {
        for (String segment : key.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return true;
            }
        }
        return false;
    }
}
