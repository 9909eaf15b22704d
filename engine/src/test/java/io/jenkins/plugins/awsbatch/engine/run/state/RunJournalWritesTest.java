package io.jenkins.plugins.awsbatch.engine.run.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.lock.RunLock;
import io.jenkins.plugins.awsbatch.engine.lock.RunLockLostException;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's write path on a local store: only over the version it read, only while its lock is held. */
class RunJournalWritesTest {
    @TempDir
    Path dir;

    private final LocalObjectStore store = new LocalObjectStore();

    private RunState newRun(String id) {
        RunState state = new RunState();
        state.runId = id;
        state.storeUri = LocalObjectStore.toUri(dir);
        state.message = "planned";
        return state;
    }

    @Test
    void aStateReadBeforeAnotherWriterSavedCannotOverwriteIt() throws Exception {
        RunJournal journal = new RunJournal(store, Json.mapper());
        RunLayout layout = new RunLayout(LocalObjectStore.toUri(dir), "r1");
        journal.save(newRun("r1"));
        RunState stale = journal.load(layout).orElseThrow();
        RunState current = journal.load(layout).orElseThrow();
        current.message = "stage a submitted";
        journal.save(current);

        stale.message = "stage a submitted twice";
        assertThatThrownBy(() -> journal.save(stale))
                .isInstanceOf(RunStateConflictException.class)
                .hasMessageContaining("state.json was changed by another process since this one read it");
        assertThat(journal.load(layout).orElseThrow().message).isEqualTo("stage a submitted");
        current.message = "done";
        journal.save(current);
        assertThat(journal.load(layout).orElseThrow().message).isEqualTo("done");
        try (Stream<Path> files = Files.list(dir.resolve("r1"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.json"); // no temp files
        }
    }

    @Test
    void aJournalWhoseLockWasTakenOverWritesNothing() {
        RunLayout layout = new RunLayout(LocalObjectStore.toUri(dir), "r2");
        RunLock mine = RunLock.acquire(store, layout, "engine resume", m -> {});
        RunJournal journal = new RunJournal(store, Json.mapper(), mine);
        RunState state = newRun("r2");
        journal.save(state);
        try (RunLock later = RunLock.acquire(store, layout, "engine resume", m -> {})) {
            state.message = "after the takeover";
            assertThatThrownBy(() -> journal.save(state)).isInstanceOf(RunLockLostException.class);
            assertThat(new RunJournal(store, Json.mapper()).load(layout).orElseThrow().message)
                    .isEqualTo("planned");
            assertThat(later.isHeld()).isTrue();
        }
    }
}
