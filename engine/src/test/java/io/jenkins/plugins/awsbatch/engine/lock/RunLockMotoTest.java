package io.jenkins.plugins.awsbatch.engine.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run lock and the journal on S3 (moto): the lock object is created with If-None-Match: *, a live record
 * refuses a second writer, an expired one is taken over with If-Match, a holder whose record was replaced loses
 * the lock, and a state.json write with a stale ETag is refused.
 */
class RunLockMotoTest {
    private AwsClients aws;
    private ObjectStore store;
    private String bucket;
    private final List<String> messages = new ArrayList<>();

    @BeforeEach
    void bucket() {
        aws = MotoSupport.clients(new CallCounter());
        bucket = MotoSupport.unique("lock");
        aws.s3().createBucket(r -> r.bucket(bucket));
        store = aws.objectStore();
    }

    @AfterEach
    void close() {
        if (aws != null) { // null when moto is not running and the test was skipped
            aws.close();
        }
    }

    private RunLayout run(String id) {
        return new RunLayout("s3://" + bucket + "/runs", id);
    }

    @Test
    void s3HonoursIfNoneMatchAndIfMatchOnPutObject() {
        String uri = "s3://" + bucket + "/runs/r0/state.json";
        String first = store.putIfAbsent(uri, bytes("one")).orElseThrow();
        assertThat(store.putIfAbsent(uri, bytes("two")))
                .as("If-None-Match: * on an existing key")
                .isEmpty();
        String second = store.putIfVersion(uri, bytes("three"), first).orElseThrow();
        assertThat(store.putIfVersion(uri, bytes("stale"), first))
                .as("If-Match on an old ETag")
                .isEmpty();
        assertThat(new String(store.get(uri).orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("three");
        assertThat(store.putIfVersion("s3://" + bucket + "/runs/r0/none.json", bytes("x"), second))
                .as("no object")
                .isEmpty();
        assertThat(store.deleteIfVersion(uri, first)).isFalse();
        assertThat(store.deleteIfVersion(uri, second)).isTrue();
        assertThat(store.get(uri)).isEmpty();
    }

    @Test
    void aLiveRecordRefusesASecondWriterAndAnExpiredOneIsTakenOver() {
        RunLayout layout = run("r1");
        Instant now = Instant.parse("2026-12-06T04:00:00Z");
        LockOwner other = new LockOwner(
                777, "ci-runner-3", "batchgraph resume", now.minusSeconds(120), now.plusSeconds(40), "t-other");
        store.put(RunLock.uriOf(layout), other.toJson());

        assertThatThrownBy(() -> RunLock.acquire(
                        store,
                        layout,
                        "batchgraph resume",
                        messages::add,
                        Clock.fixed(now, ZoneOffset.UTC),
                        RunLock.LEASE))
                .isInstanceOf(RunLockedException.class)
                .hasMessageContaining(
                        "run r1 is in use by pid 777@ci-runner-3 (batchgraph resume, since 2026-12-06T03:58:00Z)")
                .hasMessageContaining("once its lease expires at 2026-12-06T04:00:40Z");

        try (RunLock lock = RunLock.acquire(
                store,
                layout,
                "batchgraph resume",
                messages::add,
                Clock.fixed(now.plusSeconds(41), ZoneOffset.UTC),
                RunLock.LEASE)) {
            assertThat(messages)
                    .singleElement()
                    .asString()
                    .contains("left by pid 777@ci-runner-3")
                    .endsWith("its lease expired at 2026-12-06T04:00:40Z without renewal");
            assertThat(LockOwner.parse(store.get(RunLock.uriOf(layout)).orElseThrow())
                            .token())
                    .isEqualTo(lock.owner().token());
        }
        assertThat(store.get(RunLock.uriOf(layout)))
                .as("released: the record is deleted")
                .isEmpty();
    }

    @Test
    void aHolderWhoseRecordWasTakenOverLosesTheLockAndStopsWriting() throws Exception {
        RunLayout layout = run("r2");
        RunLock lock = RunLock.acquire(
                store, layout, "batchgraph run", messages::add, Clock.systemUTC(), Duration.ofMillis(600));
        try {
            // Another host took the lock over after this holder was cut off longer than its lease.
            Instant now = Instant.now();
            store.put(
                    RunLock.uriOf(layout),
                    new LockOwner(1, "elsewhere", "batchgraph resume", now, now.plusSeconds(60), "t-new").toJson());
            for (int i = 0; i < 50 && lock.isHeld(); i++) {
                Thread.sleep(100);
            }
            assertThat(lock.isHeld()).isFalse();
            assertThatThrownBy(lock::requireHeld)
                    .isInstanceOf(RunLockLostException.class)
                    .hasMessageContaining("run r2: this process no longer holds the run's lock");
        } finally {
            lock.close();
        }
        assertThat(LockOwner.parse(store.get(RunLock.uriOf(layout)).orElseThrow())
                        .host())
                .as("a lost lock is not deleted: the new holder keeps its record")
                .isEqualTo("elsewhere");
    }

    @Test
    void aJournalWriteWithAStaleETagIsRefusedInsteadOfOverwritingTheOtherWritersProgress() {
        RunLayout layout = run("r3");
        RunJournal journal = new RunJournal(store, Json.mapper());
        RunState created = new RunState();
        created.runId = "r3";
        created.storeUri = layout.storeUri();
        created.message = "planned";
        journal.save(created);

        RunState mine = journal.load(layout).orElseThrow();
        RunState theirs = journal.load(layout).orElseThrow();
        theirs.message = "stage b submitted";
        journal.save(theirs);
        mine.message = "stage b submitted again";
        assertThatThrownBy(() -> journal.save(mine))
                .hasMessageContaining("was changed by another process since this one read it");
        assertThat(journal.load(layout).orElseThrow().message).isEqualTo("stage b submitted");

        theirs.message = "done";
        journal.save(theirs); // the writer that kept up goes on
        assertThat(journal.load(layout).orElseThrow().message).isEqualTo("done");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
