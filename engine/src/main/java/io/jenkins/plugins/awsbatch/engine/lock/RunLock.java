package io.jenkins.plugins.awsbatch.engine.lock;

import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreUris;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One writer per run: whoever runs, resumes, extends or cleans up a run holds its lock, the record
 * {@code RUN/run.lock} naming the owner (pid, host, command, since) in the run's store, until it is done.
 * A second process is refused with {@link RunLockedException}. An owner that died leaves its record behind;
 * the next taker replaces it, with a line saying so, when it is stale:
 * <ul>
 * <li>on this host, when its process is gone (a local folder: the OS dropped the owner's file lock; else the
 *     pid is not running, or runs a process started after the lock was taken);</li>
 * <li>from any host, when its lease expired: the owner renews the lease every third of {@link #LEASE} while
 *     it holds the lock, so a record not renewed for a whole lease belongs to a dead or cut-off owner.</li>
 * </ul>
 * An owner that finds its record taken over (it was cut off longer than its lease) marks the lock lost, and
 * {@link #requireHeld} stops its next write. Within one process a later taker of a run's lock takes it over
 * from the earlier one (a runner left behind), which from then on counts as lost.
 */
public final class RunLock implements AutoCloseable {
    /** How long a record counts without renewal. */
    public static final Duration LEASE = Duration.ofSeconds(60);
    /** The lock record's name in the run's folder or prefix. */
    public static final String FILE_NAME = "run.lock";

    private static final Map<String, RunLock> HELD_HERE = new ConcurrentHashMap<>();
    private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "batchgraph-run-lock");
        t.setDaemon(true);
        return t;
    });

    private final String runId;
    private final String uri;
    private final LockSlot slot;
    private final Clock clock;
    private final Duration lease;
    private volatile LockOwner owner;
    private volatile String lostReason;
    private ScheduledFuture<?> renewal;
    private boolean released;

    private RunLock(String runId, String uri, LockSlot slot, LockOwner owner, Clock clock, Duration lease) {
        this.runId = runId;
        this.uri = uri;
        this.slot = slot;
        this.owner = owner;
        this.clock = clock;
        this.lease = lease;
    }

    /** The lock record's URI of a run. */
    public static String uriOf(RunLayout layout) {
        return StoreUris.join(layout.runUri(), FILE_NAME);
    }

    /**
     * Takes the run's lock for {@code command} (e.g. {@code batchgraph resume}), saying through {@code messages}
     * when it replaces a stale owner's. Throws {@link RunLockedException} when a live owner holds it.
     */
    public static RunLock acquire(ObjectStore store, RunLayout layout, String command, Consumer<String> messages) {
        return acquire(store, layout, command, messages, Clock.systemUTC(), LEASE);
    }

    static RunLock acquire(
            ObjectStore store,
            RunLayout layout,
            String command,
            Consumer<String> messages,
            Clock clock,
            Duration lease) {
        String uri = uriOf(layout);
        LockOwner me = LockOwner.current(command, clock.instant(), lease);
        synchronized (HELD_HERE) {
            RunLock earlier = HELD_HERE.get(uri);
            if (earlier != null && earlier.isHeld()) {
                LockOwner before = earlier.owner;
                earlier.supersede(command);
                RunLock lock = new RunLock(layout.runId(), uri, earlier.slot, me, clock, lease);
                lock.slot.renew(me);
                messages.accept(
                        "run " + layout.runId() + ": taking over the lock from an earlier runner in this process ("
                                + before.command() + ", since " + before.since() + ")");
                return lock.hold();
            }
            LockSlot slot = store instanceof LocalObjectStore
                    ? new FileLockSlot(LocalObjectStore.toPath(uri))
                    : new ObjectLockSlot(store, uri);
            RunLock lock = new RunLock(layout.runId(), uri, slot, me, clock, lease);
            LockSlot.Taking taking = slot.take(me, lock::whyStale);
            if (taking.refused()) {
                throw new RunLockedException(layout.runId(), taking.holder());
            }
            if (taking.staleReason() != null) {
                messages.accept("run " + layout.runId() + ": taking over the lock left by "
                        + (taking.holder() == null
                                ? "an unreadable record"
                                : taking.holder().describe()) + ": "
                        + taking.staleReason());
            }
            return lock.hold();
        }
    }

    public LockOwner owner() {
        return owner;
    }

    /** True until released or lost. */
    public boolean isHeld() {
        return !released && lostReason == null;
    }

    /** Before every write of the run: throws {@link RunLockLostException} once this holder lost the lock. */
    public void requireHeld() {
        String reason = lostReason;
        if (reason != null) {
            throw new RunLockLostException("run " + runId + ": this process no longer holds the run's lock (" + reason
                    + "), so it stops writing the run; another process writes it now");
        }
        if (released) {
            throw new IllegalStateException("run " + runId + ": its lock was released before this write");
        }
    }

    /** Releases the lock (idempotent); a lost lock is left to whoever holds it now. */
    @Override
    public void close() {
        synchronized (HELD_HERE) {
            if (released) {
                return;
            }
            released = true;
            if (renewal != null) {
                renewal.cancel(false);
            }
            HELD_HERE.remove(uri, this);
            if (lostReason == null) {
                try {
                    slot.release();
                } catch (RuntimeException e) {
                    // the record stays; its lease expires and the next taker replaces it
                }
            }
        }
    }

    private RunLock hold() {
        HELD_HERE.put(uri, this);
        long every = Math.max(1, lease.toMillis() / 3);
        renewal = RENEWALS.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    private void supersede(String laterCommand) {
        lostReason = "taken over by a later " + laterCommand + " in this process";
        if (renewal != null) {
            renewal.cancel(false);
        }
    }

    /** Runs on the renewal thread: extends the lease; a record replaced meanwhile means the lock is lost. */
    private void renew() {
        if (!isHeld()) {
            return;
        }
        LockOwner renewed = owner.renewed(clock.instant(), lease);
        try {
            synchronized (HELD_HERE) {
                if (isHeld()) {
                    slot.renew(renewed);
                    owner = renewed;
                }
            }
        } catch (RunLockLostException e) {
            lostReason = e.getMessage();
        } catch (RuntimeException e) {
            if (clock.instant().isAfter(owner.expiresAt())) {
                lostReason = "its lease expired at " + owner.expiresAt() + " while it could not be renewed: "
                        + e.getMessage();
            }
        }
    }

    /** Why {@code holder}'s record no longer counts, or empty when it is a live owner's. */
    Optional<String> whyStale(LockOwner holder, boolean processGone) {
        if (holder == null) {
            return Optional.of("the record cannot be read");
        }
        LockOwner me = owner;
        if (holder.host().equals(me.host())) {
            if (processGone) {
                return Optional.of("its process is gone (the system released its lock)");
            }
            if (holder.pid() == me.pid()) {
                return Optional.of("it is an earlier holder in this process that ended without releasing");
            }
            Optional<ProcessHandle> process = ProcessHandle.of(holder.pid());
            if (process.isEmpty() || !process.get().isAlive()) {
                return Optional.of("process " + holder.pid() + " is gone");
            }
            Optional<Instant> started = process.get().info().startInstant();
            if (started.isPresent() && started.get().isAfter(holder.since().plusSeconds(1))) {
                return Optional.of(
                        "process " + holder.pid() + " is gone (the pid now belongs to a process started later)");
            }
        }
        if (clock.instant().isAfter(holder.expiresAt())) {
            return Optional.of("its lease expired at " + holder.expiresAt() + " without renewal");
        }
        return Optional.empty();
    }
}
