package io.jenkins.plugins.awsbatch.engine.lock;

import java.util.Optional;

/** Where a run's lock record lives and how it is taken atomically: a local lock file or a conditional object. */
interface LockSlot {

    /**
     * Takes the slot when it is free or its holder is stale by {@code rule}. Returns who holds it when a live
     * owner does (nothing taken), else a taking that names the stale holder it replaced, if any.
     */
    Taking take(LockOwner me, StaleRule rule);

    /** Writes the renewed record; throws {@link RunLockLostException} when another writer took the slot. */
    void renew(LockOwner me);

    /** Removes this holder's record, if it is still this holder's. */
    void release();

    /** Result of {@link #take}: {@code holder} set = refused (null holder and {@code refused} = unknown owner). */
    record Taking(boolean refused, LockOwner holder, String staleReason) {
        static Taking refusedBy(LockOwner holder) {
            return new Taking(true, holder, null);
        }

        static Taking taken(LockOwner replaced, String staleReason) {
            return new Taking(false, replaced, staleReason);
        }
    }

    /** Why an existing holder no longer counts (empty: it is live). {@code processGone}: the OS proved it. */
    interface StaleRule {
        Optional<String> whyStale(LockOwner holder, boolean processGone);
    }
}
