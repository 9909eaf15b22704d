package io.jenkins.plugins.awsbatch.engine.run.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.DelegatingBatch;
import io.jenkins.plugins.awsbatch.engine.run.FastClock;
import io.jenkins.plugins.awsbatch.engine.run.GraphRunner;
import io.jenkins.plugins.awsbatch.engine.run.LocalRunHarness;
import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.StageResult;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What AWS Batch may answer that the local engine never does: an array parent FAILED with no failed child to
 * list (cancelled or terminated before it spawned them), and a job DescribeJobs no longer knows (ended more than
 * about 7 days ago). Neither may pass as success, nor keep the run polling forever.
 */
class FailedParentJudgementTest {
    @TempDir
    Path dir;

    private static final String GRAPH = """
            name: judged
            plan: {items: {list: [a, b, c]}}
            jobDefinitions: {sh: {command: [sh, -c, 'test "$AWS_BATCH_JOB_ARRAY_INDEX" != 1']}}
            stages:
              - {name: score, jobDefinition: sh}
            """;

    @Test
    void failedParentWithoutListedChildrenFailsEveryItemOfItsChunk() {
        RunResult result = run(
                "judged-1",
                batch -> new DelegatingBatch(batch) {
                    @Override
                    public JobPage listJobs(ListJobsRequest request) {
                        return request.arrayJobId() != null ? new JobPage(List.of(), null) : super.listJobs(request);
                    }
                },
                Clock.systemUTC());

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        StageResult score = result.stages().get(0);
        assertThat(score.status()).isEqualTo(StageStatus.FAILED);
        assertThat(score.failedItems()).extracting(FailedItem::index).containsExactly(0L, 1L, 2L);
        assertThat(score.failedItems())
                .allSatisfy(f -> assertThat(f.statusReason()).isNotBlank());
    }

    @Test
    void jobsDescribeJobsNoLongerKnowsEndTheRunAsFailedInsteadOfPollingForever() {
        LocalRunHarness harness = new LocalRunHarness(dir);
        RunResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> run(
                        harness,
                        "judged-2",
                        batch -> new DelegatingBatch(batch) {
                            @Override
                            public List<JobDetail> describeJobs(List<String> jobIds) {
                                return List.of(); // purged
                            }
                        },
                        new FastClock()));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.stages().get(0).failedItems())
                .hasSize(3)
                .allSatisfy(f -> assertThat(f.statusReason()).isEqualTo(LostJobs.REASON));
        assertThat(harness.messages).anyMatch(m -> m.contains("not found by DescribeJobs"));
    }

    @Test
    void aJobMissingOnlyForAMomentIsWaitedFor() {
        java.util.concurrent.atomic.AtomicInteger describes = new java.util.concurrent.atomic.AtomicInteger();
        RunResult result = run(
                "judged-3",
                batch -> new DelegatingBatch(batch) {
                    @Override
                    public List<JobDetail> describeJobs(List<String> jobIds) {
                        return describes.incrementAndGet() <= 2 ? List.of() : super.describeJobs(jobIds);
                    }
                },
                Clock.systemUTC());

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.stages().get(0).failedItems())
                .extracting(FailedItem::index)
                .containsExactly(1L);
    }

    private RunResult run(String runId, UnaryOperator<BatchService> wrap, Clock clock) {
        return run(new LocalRunHarness(dir), runId, wrap, clock);
    }

    private static RunResult run(LocalRunHarness harness, String runId, UnaryOperator<BatchService> wrap, Clock clock) {
        GraphSpec graph = harness.graph(GRAPH);
        try (RunEngine engine = harness.engine(graph, runId)) {
            RunServices base = engine.services();
            RunServices services = new RunServices(
                    wrap.apply(base.batch()),
                    base.stores(),
                    base.logs(),
                    base.calls(),
                    clock,
                    base.sleeper(),
                    base.pollSchedule(),
                    base.listener(),
                    base.json(),
                    base.definitionNames(),
                    base.settings());
            return GraphRunner.start(services, graph, harness.dir, runId).runToCompletion();
        }
    }
}
