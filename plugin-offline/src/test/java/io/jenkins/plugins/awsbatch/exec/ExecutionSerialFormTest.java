package io.jenkins.plugins.awsbatch.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.offline.FakeBatch;
import io.jenkins.plugins.awsbatch.offline.FakeContext;
import io.jenkins.plugins.awsbatch.offline.FakeRun;
import io.jenkins.plugins.awsbatch.offline.Snapshots;
import java.io.File;
import java.io.InputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running step's execution is saved in the Pipeline program: a Jenkins upgraded mid-run reads the old form back,
 * so its serialised fields (names and types) and serialVersionUID do not change when the class is reorganised.
 * The fixtures {@code execution-*.ser.b64} were written by the execution before its parts were split out (one field
 * each for journal, phase, pacing, console and outcome), on a {@link FakeContext} and a {@link FakeBatch} keyed
 * {@code serial-form-tracking} and {@code serial-form-done}. Pipeline saves with JBoss Marshalling River, which
 * follows Java serialisation's rules here (it honours {@code serialPersistentFields} and hands a stream written
 * without {@code writeObject} to {@code readObject}), so these tests use Java serialisation.
 */
class ExecutionSerialFormTest {

    @TempDir
    File buildDir;

    @Test
    void theSavedFieldsOfAStepExecutionStayTheSame() {
        ObjectStreamClass form = ObjectStreamClass.lookup(GraphStepExecution.class);

        assertThat(form.getSerialVersionUID()).isEqualTo(1L);
        assertThat(Arrays.stream(form.getFields()).map(ExecutionSerialFormTest::describe))
                .containsExactlyInAnyOrder(
                        "request: io.jenkins.plugins.awsbatch.exec.GraphRequest",
                        "factory: io.jenkins.plugins.awsbatch.exec.DriverFactory",
                        "journal: io.jenkins.plugins.awsbatch.exec.Journal",
                        "phase: io.jenkins.plugins.awsbatch.exec.GraphStepExecution$Phase",
                        "delayMillis: long",
                        "nextPollAtMillis: long",
                        "lastStatus: java.lang.String",
                        "announced: int",
                        "pollErrors: int",
                        "savedValue: java.lang.Object",
                        "savedFailure: java.lang.Throwable",
                        "outcomeSaved: boolean");
    }

    @Test
    void aTrackingExecutionSavedBeforeTheSplitResumesWithoutResubmittingAndFinishes() throws Exception {
        FakeBatch batch = FakeBatch.create("serial-form-tracking");
        FakeContext.State state = new FakeContext("serial-form-tracking", new FakeRun(buildDir)).state();

        GraphStepExecution resumed = Snapshots.deserialize(fixture("execution-tracking.ser.b64"));

        assertThat(resumed.getPhase()).isEqualTo(GraphStepExecution.Phase.TRACKING);
        assertThat(resumed.getRequest().getKind()).isEqualTo(StepKind.FAN_OUT);
        assertThat(resumed.getRequest().getPollPolicy().getMaxMillis()).isEqualTo(8_000);
        assertThat(resumed.getJournal().getRunId()).isEqualTo("run1");
        assertThat(resumed.getJournal().getJobIds()).containsExactly("id-g-run1-score-0", "id-g-run1-rank-0");
        assertThat(resumed.getStatus()).startsWith("score: 5/10 succeeded, 0 failed; next poll in");

        resumed.onResume();
        batch.runtime.runAll();

        assertThat(batch.totalSubmits()).isZero();
        assertThat(state.listener.text())
                .contains("Resuming tracking of run run1 (2 job(s)); nothing is resubmitted.")
                .doesNotContain("Submitted"); // both jobs were announced before the save
        assertThat(state.failure).isNull();
        assertThat(state.success)
                .isEqualTo(
                        Map.of("runId", "run1", "jobIds", resumed.getJournal().getJobIds(), "outcome", "SUCCEEDED"));
        assertThat(state.completions.get()).isEqualTo(1);
    }

    @Test
    void anOutcomeSavedBeforeTheSplitIsDeliveredOnResumeWithoutTouchingTheRun() throws Exception {
        FakeBatch batch = FakeBatch.create("serial-form-done");
        FakeContext.State state = new FakeContext("serial-form-done", new FakeRun(buildDir)).state();

        GraphStepExecution resumed = Snapshots.deserialize(fixture("execution-outcome-saved.ser.b64"));
        resumed.onResume();
        batch.runtime.runAll();

        assertThat(resumed.getPhase()).isEqualTo(GraphStepExecution.Phase.DONE);
        assertThat(batch.opened.get()).isZero();
        assertThat(state.success)
                .isEqualTo(
                        Map.of("runId", "run1", "jobIds", resumed.getJournal().getJobIds(), "outcome", "SUCCEEDED"));
        assertThat(state.completions.get()).isEqualTo(1);
    }

    @Test
    void whatThisVersionSavesReadsBackTheSame() throws Exception {
        FakeBatch.create("serial-form-tracking");
        new FakeContext("serial-form-tracking", new FakeRun(buildDir));
        GraphStepExecution old = Snapshots.deserialize(fixture("execution-tracking.ser.b64"));

        GraphStepExecution again = Snapshots.deserialize(Snapshots.serialize(old));

        assertThat(again.getPhase()).isEqualTo(old.getPhase());
        assertThat(again.getJournal().getEntries())
                .hasToString(old.getJournal().getEntries().toString());
        assertThat(again.getRequest().getArguments()).isEqualTo(old.getRequest().getArguments());
        assertThat(again.getStatus()).isEqualTo(old.getStatus());
    }

    private static byte[] fixture(String name) throws Exception {
        try (InputStream in =
                ExecutionSerialFormTest.class.getResourceAsStream("/io/jenkins/plugins/awsbatch/exec/" + name)) {
            assertThat(in).as(name).isNotNull();
            return Base64.getMimeDecoder().decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
    }

    private static String describe(ObjectStreamField f) {
        return f.getName() + ": " + f.getType().getName();
    }
}
