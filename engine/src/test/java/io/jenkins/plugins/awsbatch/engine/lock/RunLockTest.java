package io.jenkins.plugins.awsbatch.engine.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run lock on a local store: one writer across processes, stale owners taken over with a line saying so. */
class RunLockTest {
    @TempDir
    Path dir;

    private final LocalObjectStore store = new LocalObjectStore();
    private final List<String> messages = new ArrayList<>();

    private RunLayout run(String id) throws Exception {
        RunLayout layout = new RunLayout(LocalObjectStore.toUri(dir), id);
        Files.createDirectories(dir.resolve(id));
        Files.writeString(dir.resolve(id).resolve("state.json"), "{}");
        return layout;
    }

    @Test
    void aLiveOwnerInAnotherProcessRefusesTheSecondWriterByNameAndItsDeathLetsTheNextOneTakeOver() throws Exception {
        RunLayout layout = run("r1");
        Process holder = LockHolderProcess.start(layout.storeUri(), "r1");
        try {
            assertThatThrownBy(() -> RunLock.acquire(store, layout, "batchgraph resume", messages::add))
                    .isInstanceOf(RunLockedException.class)
                    .hasMessageContaining("run r1 is in use by pid " + holder.pid() + "@" + LockOwner.localHost())
                    .hasMessageContaining("(lock-holder test, since ")
                    .hasMessageContaining("Wait for it to end");
        } finally {
            holder.destroyForcibly(); // kill -9: no chance to release
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(dir.resolve("r1/run.lock")))
                .as("the dead owner's record stays")
                .contains("\"pid\" : " + holder.pid());

        try (RunLock lock = RunLock.acquire(store, layout, "batchgraph resume", messages::add)) {
            assertThat(lock.isHeld()).isTrue();
            assertThat(messages)
                    .singleElement()
                    .asString()
                    .startsWith("run r1: taking over the lock left by pid " + holder.pid() + "@")
                    .endsWith("its process is gone (the system released its lock)");
            assertThat(Files.readString(dir.resolve("r1/run.lock")))
                    .contains("batchgraph resume")
                    .contains("\"pid\" : " + ProcessHandle.current().pid());
        }
        assertThat(dir.resolve("r1/run.lock")).doesNotExist();
        assertThat(dir.resolve("r1/state.json")).exists();
    }

    @Test
    void aRecordOfAnotherHostCountsUntilItsLeaseExpires() throws Exception {
        RunLayout layout = run("r2");
        Instant now = Instant.parse("2026-12-06T04:00:00Z");
        LockOwner elsewhere =
                new LockOwner(4242, "other-host", "batchgraph run", now.minusSeconds(300), now.plusSeconds(30), "t-1");
        Files.write(dir.resolve("r2/run.lock"), elsewhere.toJson());

        assertThatThrownBy(() -> RunLock.acquire(
                        store,
                        layout,
                        "batchgraph cleanup",
                        messages::add,
                        Clock.fixed(now, ZoneOffset.UTC),
                        RunLock.LEASE))
                .isInstanceOf(RunLockedException.class)
                .hasMessageContaining("pid 4242@other-host (batchgraph run, since 2026-12-06T03:55:00Z)")
                .hasMessageContaining("from another host once its lease expires at 2026-12-06T04:00:30Z");

        Clock later = Clock.fixed(now.plusSeconds(31), ZoneOffset.UTC);
        try (RunLock lock = RunLock.acquire(store, layout, "batchgraph cleanup", messages::add, later, RunLock.LEASE)) {
            assertThat(lock.owner().command()).isEqualTo("batchgraph cleanup");
            assertThat(messages)
                    .singleElement()
                    .asString()
                    .contains("pid 4242@other-host")
                    .endsWith("its lease expired at 2026-12-06T04:00:30Z without renewal");
        }
    }

    @Test
    void aRecordOfThisHostWhosePidIsGoneIsTakenOverEvenWithoutTheOsLock() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        RunLayout layout = run("r3");
        Instant now = Instant.now();
        Files.write(
                dir.resolve("r3/run.lock"),
                new LockOwner(
                                gone.pid(),
                                LockOwner.localHost(),
                                "batchgraph run",
                                now.minusSeconds(5),
                                now.plusSeconds(55),
                                "t-2")
                        .toJson());
        LockOwner dead = LockOwner.parse(Files.readAllBytes(dir.resolve("r3/run.lock")));

        RunLock probe = RunLock.acquire(store, run("r3-probe"), "probe", messages::add);
        try {
            assertThat(probe.whyStale(dead, false)).hasValue("process " + gone.pid() + " is gone");
            LockOwner live = new LockOwner(
                    ProcessHandle.current().parent().orElseThrow().pid(),
                    LockOwner.localHost(),
                    "batchgraph run",
                    now,
                    now.plusSeconds(55),
                    "t-3");
            assertThat(probe.whyStale(live, false))
                    .as("a running process on this host, lease valid")
                    .isEmpty();
        } finally {
            probe.close();
        }
    }

    @Test
    void withinOneProcessALaterRunnerTakesOverAndTheEarlierOneMayNoLongerWrite() throws Exception {
        RunLayout layout = run("r4");
        RunLock first = RunLock.acquire(store, layout, "engine resume", messages::add);
        RunLock second = RunLock.acquire(store, layout, "engine resume", messages::add);
        try {
            assertThat(messages)
                    .singleElement()
                    .asString()
                    .contains("taking over the lock from an earlier runner in this process");
            assertThat(first.isHeld()).isFalse();
            assertThatThrownBy(first::requireHeld)
                    .isInstanceOf(RunLockLostException.class)
                    .hasMessageContaining("run r4: this process no longer holds the run's lock");
            second.requireHeld();
            first.close(); // a lost lock is not released: the later holder keeps the record
            assertThat(Files.readString(dir.resolve("r4/run.lock")))
                    .contains(second.owner().token());
        } finally {
            second.close();
        }
        assertThat(dir.resolve("r4/run.lock")).doesNotExist();
    }

    @Test
    void releasingTheLockOfARunThatNeverBeganLeavesNoFolder() throws Exception {
        RunLayout layout = new RunLayout(LocalObjectStore.toUri(dir), "never-began");
        RunLock.acquire(store, layout, "batchgraph run", messages::add).close();
        assertThat(dir.resolve("never-began")).doesNotExist();
    }

    @Test
    void theLeaseIsRenewedWhileTheLockIsHeld() throws Exception {
        RunLayout layout = run("r5");
        try (RunLock lock = RunLock.acquire(
                store, layout, "batchgraph run", messages::add, Clock.systemUTC(), Duration.ofMillis(300))) {
            Instant first = lock.owner().expiresAt();
            Thread.sleep(500);
            assertThat(lock.owner().expiresAt()).isAfter(first);
            LockOwner written = null;
            for (int i = 0; i < 50 && written == null; i++) { // read between two renewals
                written = LockOwner.parse(Files.readAllBytes(dir.resolve("r5/run.lock")));
            }
            assertThat(written.expiresAt()).isAfter(first);
        }
    }
}
