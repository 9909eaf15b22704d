package io.jenkins.plugins.awsbatch.exec;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import io.jenkins.plugins.awsbatch.offline.FakeBatch;
import io.jenkins.plugins.awsbatch.offline.FakeContext;
import io.jenkins.plugins.awsbatch.offline.FakeRun;
import io.jenkins.plugins.awsbatch.offline.Snapshots;
import io.jenkins.plugins.awsbatch.steps.StepSummary;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step's edges: its outcome survives a restart between deciding and delivering it, it blocks a restart only
 * while submitting or terminating, giving up on polls terminates and names the jobs, and its label in Pipeline
 * views says what it runs.
 */
class ExecutionHardeningTest {
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
        execution = new GraphStepExecution(
                context,
                new GraphRequest(
                        StepKind.FAN_OUT,
                        Map.of("plan", Map.of("runId", "run1"), "stages", List.of(Map.of("name", "score"))),
                        new Settings("local", null, null, null, null, null, null, null),
                        Settings.empty(),
                        true,
                        new PollPolicy(1_000, 8_000, 2.0, 5_000)),
                new FakeBatch.Factory(key));
    }

    @Test
    void theOutcomeIsSavedBeforeTheStepCompletesSoARestartInBetweenDeliversIt() throws Exception {
        FakeContext.State before = context.state();
        byte[][] lastSavedBeforeCompletion = new byte[1][];
        before.onSave = () -> {
            if (before.completions.get() == 0) {
                try {
                    lastSavedBeforeCompletion[0] = Snapshots.serialize(execution);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        execution.start();
        batch.runtime.runAll();
        assertThat(before.success).isNotNull();
        int polls = batch.polls.get();

        // "restart" right after that save: the build never heard of the outcome
        batch.runtime.drop();
        FakeContext.State after = FakeContext.restart(key);
        GraphStepExecution resumed = Snapshots.deserialize(lastSavedBeforeCompletion[0]);
        resumed.onResume();
        batch.runtime.runAll();

        assertThat(after.completions.get()).isEqualTo(1);
        assertThat(after.success).isEqualTo(before.success);
        assertThat(batch.polls.get()).as("the saved outcome, not a new poll").isEqualTo(polls);
        assertThat(batch.totalSubmits()).isEqualTo(2);
    }

    @Test
    void restartIsBlockedOnlyWhileSubmittingOrTerminating() throws Exception {
        assertThat(execution.blocksRestart()).isFalse();
        execution.start();
        assertThat(execution.blocksRestart()).as("submitting").isTrue();
        batch.runtime.runAll(1);
        assertThat(execution.getPhase()).isEqualTo(GraphStepExecution.Phase.TRACKING);
        assertThat(execution.blocksRestart())
                .as("tracking: a restart re-attaches")
                .isFalse();
        execution.stop(new InterruptedException("aborted"));
        assertThat(execution.blocksRestart()).as("terminating").isTrue();
        batch.runtime.runAll();
        assertThat(context.state().done()).isTrue();
    }

    @Test
    void givingUpOnPollsTerminatesTheJobsAndNamesThem() throws Exception {
        batch.duringPoll = () -> {
            throw new IllegalStateException("Unable to execute HTTP request: batch.eu-west-1.amazonaws.com");
        };
        execution.start();
        batch.runtime.runAll();

        FakeContext.State s = context.state();
        assertThat(batch.terminated.get()).as("both running jobs terminated").isEqualTo(2);
        assertThat(s.failure).isInstanceOf(AbortException.class);
        assertThat(s.failure.getMessage())
                .startsWith("awsBatchFanOut: gave up polling run run1 after 5 failed polls (Unable to execute")
                .endsWith("asked AWS Batch to terminate its 2 job(s): id-g-run1-score-0 id-g-run1-rank-0");
        assertThat(s.listener.text()).contains("Asked AWS Batch to terminate 2 job(s) of run run1.");
        assertThat(s.completions.get()).isEqualTo(1);
    }

    @Test
    void anErrorNamesAtMostAHundredJobIdsTheConsoleHasThemAll() {
        List<String> ids = new ArrayList<>();
        IntStream.range(0, 150).forEach(i -> ids.add("job-" + i));
        String text = JobIdList.of(ids);
        assertThat(text)
                .startsWith("job-0 job-1 ")
                .contains("job-99 ...")
                .doesNotContain("job-100")
                .endsWith("and 50 more (the console log lists every job id)");
        assertThat(JobIdList.of(ids.subList(0, 3))).isEqualTo("job-0 job-1 job-2");
    }

    @Test
    void pipelineViewsShowWhatTheStepRunsNeverItsInlineTextOrCommands() {
        assertThat(StepSummary.of(Map.of("file", "graphs/nightly.yaml", "text", "ignored")))
                .isEqualTo("graphs/nightly.yaml");
        assertThat(StepSummary.of(Map.of("text", "name: x\nstages: []"))).isNull();
        Map<String, Object> fanOut = new LinkedHashMap<>();
        fanOut.put("plan", Map.of("runId", "r-42", "items", List.of("a")));
        fanOut.put("stages", List.of(Map.of("name", "score", "command", List.of("rm", "-rf")), Map.of("name", "rank")));
        assertThat(StepSummary.of(fanOut)).isEqualTo("run r-42 score → rank");
        assertThat(StepSummary.of(Map.of("items", List.of("a", "b", "c"), "name", "nightly")))
                .isEqualTo("nightly 3 items");
        assertThat(StepSummary.of(Map.of("items", Map.of("file", "in.xlsx")))).isEqualTo("in.xlsx");
        assertThat(StepSummary.of(Map.of("after", Map.of("runId", "r-1"), "jobDefinition", "merge:3")))
                .isEqualTo("merge:3 run r-1");
        assertThat(StepSummary.of(Map.of("file", "x".repeat(200)))).hasSize(80).endsWith("…");
    }
}
