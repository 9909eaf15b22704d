package io.jenkins.plugins.awsbatch.exec;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.awsbatch.action.AwsBatchGraphAction;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.offline.FakeBatch;
import io.jenkins.plugins.awsbatch.offline.FakeContext;
import io.jenkins.plugins.awsbatch.offline.FakeRun;
import io.jenkins.plugins.awsbatch.offline.Snapshots;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable execution on a fake context: submit, persist, resume, stop, and the outcome mapping. */
class GraphStepExecutionTest {

    @TempDir
    File buildDir;

    private String key;
    private FakeBatch batch;
    private FakeContext context;
    private GraphStepExecution execution;

    @BeforeEach
    void setUp() throws Exception {
        key = UUID.randomUUID().toString();
        batch = FakeBatch.create(key);
        context = new FakeContext(key, new FakeRun(buildDir));
        execution = newExecution(true);
    }

    private GraphStepExecution newExecution(boolean wait) {
        GraphRequest request = new GraphRequest(
                StepKind.FAN_OUT,
                Map.of("plan", Map.of("runId", "run1"), "stages", List.of(Map.of("name", "score"))),
                new Settings("local", null, null, null, null, null, null, null),
                Settings.empty(),
                wait,
                new PollPolicy(1_000, 8_000, 2.0, 5_000));
        return new GraphStepExecution(context, request, new FakeBatch.Factory(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @Test
    void startReturnsAtOnceAndDoesNoAwsWorkOnTheCallingThread() throws Exception {
        assertThat(execution.start()).isFalse();
        assertThat(batch.totalSubmits()).isZero();
        assertThat(batch.opened.get()).isZero();
        assertThat(batch.runtime.pending()).isEqualTo(1);
        assertThat(execution.getStatus()).contains("submitting");
    }

    @Test
    void eachSubmissionIsSavedBeforeTheNext() throws Exception {
        execution.start();
        int[] savesAtSecondSubmit = new int[1];
        batch.runtime.runAll(1);
        FakeContext.State s = context.state();
        assertThat(batch.totalSubmits()).isEqualTo(2);
        assertThat(s.saves.get()).isGreaterThanOrEqualTo(2);
        assertThat(execution.getJournal().getJobIds()).containsExactly("id-g-run1-score-0", "id-g-run1-rank-0");
        assertThat(s.listener.text()).contains("Submitted score: g-run1-score-0 (id-g-run1-score-0)");
        assertThat(execution.getPhase()).isEqualTo(GraphStepExecution.Phase.TRACKING);
        assertThat(savesAtSecondSubmit[0]).isZero();
    }

    @Test
    void resumeAfterRestartTracksWithoutResubmitting() throws Exception {
        execution.start();
        batch.runtime.runAll(1); // submitted both jobs and polled once
        assertThat(context.state().done()).isFalse();
        byte[] saved = Snapshots.serialize(execution);

        // "restart": queued timer work is gone, a new console, the execution comes back from disk
        batch.runtime.drop();
        FakeContext.State after = FakeContext.restart(key);
        GraphStepExecution resumed = Snapshots.deserialize(saved);
        resumed.onResume();
        batch.runtime.runAll();

        assertThat(batch.totalSubmits()).isEqualTo(2);
        assertThat(batch.submitCalls.values())
                .allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(after.listener.text()).contains("Resuming tracking of run run1 (2 job(s)); nothing is resubmitted.");
        assertThat(after.failure).isNull();
        assertThat(after.success).isInstanceOf(Map.class);
        assertThat(asMap(after.success)).containsEntry("outcome", "SUCCEEDED").containsEntry("runId", "run1");
        assertThat(after.completions.get()).isEqualTo(1);
    }

    @Test
    void resumeInTheMiddleOfSubmissionSubmitsOnlyWhatIsNotJournaled() throws Exception {
        byte[][] snapshot = new byte[1][];
        context.state().onSave = () -> {
            if (snapshot[0] == null) {
                try {
                    snapshot[0] = Snapshots.serialize(execution); // state on disk right after the first job id
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        batch.crashAfterFirstSubmit = new IllegalStateException("controller died");
        execution.start();
        batch.runtime.runAll();
        assertThat(batch.totalSubmits()).isEqualTo(1);

        batch.runtime.drop();
        FakeContext.State after = FakeContext.restart(key);
        GraphStepExecution resumed = Snapshots.deserialize(snapshot[0]);
        assertThat(resumed.getPhase()).isEqualTo(GraphStepExecution.Phase.SUBMITTING);
        resumed.onResume();
        batch.runtime.runAll();

        assertThat(batch.submitCalls.get("g-run1-score-0").get()).isEqualTo(1);
        assertThat(batch.submitCalls.get("g-run1-rank-0").get()).isEqualTo(1);
        assertThat(after.listener.text()).contains("1 job(s) already journaled, none will be submitted again");
        assertThat(after.success).isNotNull();
    }

    @Test
    void stopTerminatesEveryNonTerminalJobThenFailsWithTheCause() throws Exception {
        execution.start();
        batch.runtime.runAll(1);
        InterruptedException cause = new InterruptedException("aborted by user");
        execution.stop(cause);
        batch.runtime.runAll();

        FakeContext.State s = context.state();
        assertThat(batch.terminated.get()).isEqualTo(2);
        assertThat(batch.status.values()).containsOnly("FAILED");
        assertThat(s.failure).isSameAs(cause);
        assertThat(s.completions.get()).isEqualTo(1);
        assertThat(s.listener.text()).contains("Asked AWS Batch to terminate 2 job(s) of run run1.");
        assertThat(batch.polls.get()).isEqualTo(1); // the pending poll was cancelled
    }

    @Test
    void stopIsBoundedWhenTerminationDoesNotReturn() throws Exception {
        execution.start();
        batch.runtime.runAll(1);
        InterruptedException cause = new InterruptedException("aborted");
        execution.stop(cause);
        batch.runtime.timedFirst(); // the fallback timer fires before termination returns
        batch.runtime.runAll(1);

        FakeContext.State s = context.state();
        assertThat(s.failure).isSameAs(cause);
        assertThat(s.listener.text())
                .contains("Gave up waiting for termination after 5s")
                .contains("id-g-run1-score-0");
        batch.runtime.runAll();
        assertThat(s.completions.get()).isEqualTo(1); // completed once only
    }

    @Test
    void aStopDuringAFailingPollWinsOverThePollsError() throws Exception {
        InterruptedException cause = new InterruptedException("aborted by user");
        batch.duringPoll = () -> {
            try {
                execution.stop(cause); // the user aborts while a poll is in flight
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        batch.pollInputError = "run run1: no run state";
        execution.start();
        batch.runtime.runAll();

        FakeContext.State s = context.state();
        assertThat(s.failure).isSameAs(cause);
        assertThat(batch.terminated.get()).isEqualTo(2);
        assertThat(execution.getPhase()).isEqualTo(GraphStepExecution.Phase.STOPPING);
        assertThat(s.completions.get()).isEqualTo(1);
    }

    @Test
    void resumeWhileStoppingTerminatesThenFailsAsAborted() throws Exception {
        execution.start();
        batch.runtime.runAll(1);
        execution.stop(new InterruptedException("aborted"));
        byte[] saved = Snapshots.serialize(execution); // Jenkins stops before the termination ran
        batch.runtime.drop();

        FakeContext.State after = FakeContext.restart(key);
        GraphStepExecution resumed = Snapshots.deserialize(saved);
        assertThat(resumed.getPhase()).isEqualTo(GraphStepExecution.Phase.STOPPING);
        resumed.onResume();
        batch.runtime.runAll();

        assertThat(batch.terminated.get()).isEqualTo(2);
        assertThat(after.failure).isInstanceOf(AbortException.class).hasMessage("awsBatchFanOut: aborted");
        assertThat(after.run.getResult()).isSameAs(Result.ABORTED);
        assertThat(after.completions.get()).isEqualTo(1);
    }

    @Test
    void resumeWhileStoppingIsBoundedWhenTerminationDoesNotReturn() throws Exception {
        execution.start();
        batch.runtime.runAll(1);
        execution.stop(new InterruptedException("aborted"));
        byte[] saved = Snapshots.serialize(execution);
        batch.runtime.drop();

        FakeContext.State after = FakeContext.restart(key);
        GraphStepExecution resumed = Snapshots.deserialize(saved);
        resumed.onResume();
        batch.runtime.timedFirst(); // the fallback timer fires before termination returns
        batch.runtime.runAll(1);

        assertThat(after.failure).isInstanceOf(AbortException.class).hasMessage("awsBatchFanOut: aborted");
        assertThat(after.run.getResult()).isSameAs(Result.ABORTED);
        assertThat(after.listener.text()).contains("Gave up waiting for termination after 5s");
        batch.runtime.runAll();
        assertThat(after.completions.get()).isEqualTo(1);
    }

    @Test
    void failedRunFailsTheStepWithAOneLineAbortException() throws Exception {
        batch.outcome = Outcome.FAILED;
        batch.failureSummary = "stage rank: items 3-5, 17 failed\n(exit 1, Essential container in task exited)";
        execution.start();
        batch.runtime.runAll();

        FakeContext.State s = context.state();
        assertThat(s.failure).isInstanceOf(AbortException.class);
        assertThat(s.failure.getMessage())
                .isEqualTo(
                        "awsBatchFanOut: stage rank: items 3-5, 17 failed; (exit 1, Essential container in task exited)")
                .doesNotContain("\n");
        assertThat(s.run.getResult()).isNull(); // left to Pipeline: catchError/retry can handle the exception
    }

    @Test
    void toleratedFailureMarksTheBuildUnstableWithAWarningAction() throws Exception {
        batch.outcome = Outcome.UNSTABLE;
        batch.failureSummary = "stage score: items 4, 9 failed (2/10, tolerated 20%)";
        execution.start();
        batch.runtime.runAll();

        FakeContext.State s = context.state();
        assertThat(s.failure).isNull();
        assertThat(asMap(s.success)).containsEntry("outcome", "UNSTABLE");
        assertThat(s.run.getResult()).isSameAs(Result.UNSTABLE);
        assertThat(s.node.actions).singleElement().isInstanceOfSatisfying(WarningAction.class, w -> {
            assertThat(w.getResult()).isSameAs(Result.UNSTABLE);
            assertThat(w.getMessage())
                    .isEqualTo("awsBatchFanOut: stage score: items 4, 9 failed (2/10, tolerated 20%)");
        });
    }

    @Test
    void abortedRunShowsAsAborted() throws Exception {
        batch.outcome = Outcome.ABORTED;
        execution.start();
        batch.runtime.runAll();

        FakeContext.State s = context.state();
        assertThat(s.run.getResult()).isSameAs(Result.ABORTED);
        assertThat(s.failure).isInstanceOf(AbortException.class).hasMessageContaining("was aborted");
    }

    @Test
    void inputErrorFailsBeforeAnythingIsSubmitted() throws Exception {
        batch.inputError = "stages[1].jobDefinition: required; give the job definition name, e.g. 'rank:1'";
        execution.start();
        batch.runtime.runAll();

        FakeContext.State s = context.state();
        assertThat(batch.totalSubmits()).isZero();
        assertThat(s.failure)
                .isInstanceOf(AbortException.class)
                .hasMessage(
                        "awsBatchFanOut: stages[1].jobDefinition: required; give the job definition name, e.g. 'rank:1'");
    }

    @Test
    void statusSaysWhatTheStepWaitsFor() throws Exception {
        execution.start();
        batch.runtime.runAll(1);
        assertThat(execution.getStatus()).startsWith("score: 5/10 succeeded, 0 failed; next poll in ");
    }

    @Test
    void pollsBackOffWhileNothingChangesAndAreCapped() throws Exception {
        batch.pollsToFinish = 12; // counts stop changing at 10/10 after the second poll
        execution.start();
        batch.runtime.runAll();
        List<Long> delays = batch.runtime.delays;
        assertThat(delays).hasSizeGreaterThan(5);
        assertThat(delays.get(delays.size() - 1)).isBetween(7_200L, 8_800L);
        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(0L, 8_800L));
        assertThat(delays.get(3)).isGreaterThan(delays.get(2));
    }

    @Test
    void buildPageActionIsPublishedAndUpdated() throws Exception {
        execution.start();
        batch.runtime.runAll();
        List<AwsBatchGraphAction> actions = context.state().run.getActions(AwsBatchGraphAction.class);
        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.getRecord().getRunId()).isEqualTo("run1");
            assertThat(a.getRecord().getStages())
                    .singleElement()
                    .satisfies(st -> assertThat(st.getSummary()).isEqualTo("10/10 succeeded, 0 failed"));
            assertThat(a.getUrlName()).isEqualTo("aws-batch-graph-run1");
        });
    }

    @Test
    void withoutWaitTheStepReturnsAfterSubmission() throws Exception {
        execution = newExecution(false);
        execution.start();
        batch.runtime.runAll();
        FakeContext.State s = context.state();
        assertThat(batch.polls.get()).isEqualTo(1);
        assertThat(asMap(s.success)).containsEntry("outcome", "SUCCEEDED");
    }

    @Test
    void localEngineNeedsNoCredentialsAndGetsTheBuildFolder() throws Exception {
        execution.start();
        batch.runtime.runAll(1);
        assertThat(batch.lastContext.getCredentials()).isNull();
        assertThat(batch.lastContext.getBuildDir()).isEqualTo(buildDir);
        assertThat(batch.lastContext.getBuildId()).isEqualTo("fake#1");
    }
}
