package io.jenkins.plugins.awsbatch.engine.lock;

import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import java.util.Optional;

/**
 * The lock of a run on S3: the object {@code run.lock} holding the owner's record, created with
 * {@code If-None-Match: *} (only one creator wins), renewed and taken over with {@code If-Match} on the ETag
 * read (only one taker of a stale record wins; a renewal fails once someone else took it), and deleted with
 * {@code If-Match} (never another owner's record).
 */
final class ObjectLockSlot implements LockSlot {
    private static final int ATTEMPTS = 10;
    private final ObjectStore store;
    private final String uri;
    private String version;

    ObjectLockSlot(ObjectStore store, String uri) {
        this.store = store;
        this.uri = uri;
    }

    @Override
    public Taking take(LockOwner me, StaleRule rule) {
        LockOwner lastHolder = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<String> created = store.putIfAbsent(uri, me.toJson());
            if (created.isPresent()) {
                version = created.get();
                return Taking.taken(null, null);
            }
            Optional<ObjectStore.Versioned> current = store.getVersioned(uri);
            if (current.isEmpty()) {
                continue; // released meanwhile
            }
            lastHolder = LockOwner.parse(current.get().content());
            Optional<String> stale = rule.whyStale(lastHolder, false);
            if (stale.isEmpty()) {
                return Taking.refusedBy(lastHolder);
            }
            Optional<String> taken =
                    store.putIfVersion(uri, me.toJson(), current.get().version());
            if (taken.isPresent()) {
                version = taken.get();
                return Taking.taken(lastHolder, stale.get());
            }
        }
        return Taking.refusedBy(lastHolder);
    }

    @Override
    public synchronized void renew(LockOwner me) {
        Optional<String> renewed = store.putIfVersion(uri, me.toJson(), version);
        if (renewed.isEmpty()) {
            throw new RunLockLostException("the lock record " + uri + " was replaced by another writer");
        }
        version = renewed.get();
    }

    @Override
    public synchronized void release() {
        store.deleteIfVersion(uri, version);
    }
}
