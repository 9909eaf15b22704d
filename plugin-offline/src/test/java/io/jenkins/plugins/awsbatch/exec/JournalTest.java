package io.jenkins.plugins.awsbatch.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The journal is saved (with the execution, on the CPS VM thread) while a background thread may change it. */
class JournalTest {

    @Test
    void serialisationTakesTheLockEveryMutationTakes() throws Exception {
        Journal journal = new Journal();
        journal.setRunId("run1");
        journal.record(new Journal.Entry("score", 0, "g-run1-score-0", "id-0"));
        journal.putResult(Map.of("runId", "run1"));
        AtomicReference<byte[]> saved = new AtomicReference<>();
        Thread save = new Thread(() -> {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(journal);
                }
                saved.set(bytes.toByteArray());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        synchronized (journal) { // what record(), putResult(), setEngineState() hold while they change it
            save.start();
            long deadline = System.currentTimeMillis() + 5_000;
            while (save.getState() != Thread.State.BLOCKED && save.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertThat(save.getState())
                    .as("the save waits for a mutation in progress")
                    .isEqualTo(Thread.State.BLOCKED);
            journal.record(new Journal.Entry("rank", 0, "g-run1-rank-0", "id-1"));
        }
        save.join(5_000);

        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(saved.get()))) {
            Journal read = (Journal) in.readObject();
            assertThat(read.getJobIds()).containsExactly("id-0", "id-1");
            assertThat(read.getRunId()).isEqualTo("run1");
            assertThat(read.getResult()).containsEntry("runId", "run1");
        }
    }
}
