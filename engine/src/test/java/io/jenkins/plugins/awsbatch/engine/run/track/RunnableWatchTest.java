package io.jenkins.plugins.awsbatch.engine.run.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.DelegatingBatch;
import io.jenkins.plugins.awsbatch.engine.run.FastClock;
import io.jenkins.plugins.awsbatch.engine.run.GraphRunner;
import io.jenkins.plugins.awsbatch.engine.run.LocalRunHarness;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job no compute environment can place stays RUNNABLE for ever, with Batch's reason in its statusReason: the run
 * says so (once per reason) instead of counting RUNNABLE jobs all night.
 */
class RunnableWatchTest {
    private static final String BLOCKED = "MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - The job resource requirement "
            + "(vCPU/memory/GPU) is higher than that can be met by the CE(s) attached to the job queue.";

    @TempDir
    Path dir;

    @Test
    void aRunWhoseJobsWaitInRunnableSaysWhyOnce() {
        LocalRunHarness harness = new LocalRunHarness(dir);
        GraphSpec graph = harness.graph("""
                name: blocked
                plan: {items: {list: [a, b, c]}}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                stages:
                  - {name: score, jobDefinition: sh}
                  - {name: merge, type: single, jobDefinition: sh, dependsOn: [score]}
                """);
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger childLookups = new AtomicInteger();
        try (RunEngine engine = harness.engine(graph, "blocked-1")) {
            RunServices base = engine.services();
            BatchService blocked = new DelegatingBatch(base.batch()) {
                @Override
                public List<JobDetail> describeJobs(List<String> jobIds) {
                    // The first 15 polls: every job waits in RUNNABLE (the array's children), as on a blocked queue.
                    List<JobDetail> real = delegate.describeJobs(jobIds);
                    return polls.incrementAndGet() > 15
                            ? real
                            : real.stream().map(RunnableWatchTest::runnable).toList();
                }

                @Override
                public JobPage listJobs(ListJobsRequest request) {
                    if (request.arrayJobId() != null && request.status() == JobStatus.RUNNABLE) {
                        childLookups.incrementAndGet();
                        return new JobPage(
                                List.of(new JobSummary(
                                        request.arrayJobId() + ":0",
                                        "c",
                                        JobStatus.RUNNABLE,
                                        BLOCKED,
                                        1L,
                                        null,
                                        null,
                                        0,
                                        null,
                                        null,
                                        "sh")),
                                null);
                    }
                    return delegate.listJobs(request);
                }
            };
            RunServices services = new RunServices(
                    blocked,
                    base.stores(),
                    base.logs(),
                    base.calls(),
                    new FastClock(),
                    base.sleeper(),
                    base.pollSchedule(),
                    base.listener(),
                    base.json(),
                    base.definitionNames(),
                    base.settings());

            RunResult result =
                    GraphRunner.start(services, graph, dir, "blocked-1").runToCompletion();

            assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(harness.messages.stream().filter(m -> m.contains("waited in RUNNABLE")))
                    .singleElement()
                    .asString()
                    .contains("AWS Batch says: " + BLOCKED)
                    .contains("compute environments");
            // One look per 10 minutes of waiting (this clock moves a minute a read), not one per poll.
            assertThat(childLookups.get()).isPositive().isLessThan(15 / 2);
        }
    }

    /** The job as a blocked queue shows it: an array parent PENDING with its children RUNNABLE, a single job RUNNABLE. */
    private static JobDetail runnable(JobDetail d) {
        boolean parent = d.isArrayParent();
        return new JobDetail(
                d.jobId(),
                d.jobName(),
                d.jobQueue(),
                d.jobDefinition(),
                parent ? JobStatus.PENDING : JobStatus.RUNNABLE,
                null,
                d.createdAt(),
                null,
                null,
                d.arraySize(),
                d.arrayIndex(),
                parent ? Map.of(JobStatus.RUNNABLE, d.arraySize()) : Map.of(),
                null,
                null,
                List.of(),
                d.dependsOn(),
                false,
                false,
                d.tags());
    }
}
