package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobResult;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.track.PollSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Throttling or 5xx that outlast the SDK's own retries slow the run down; they never fail it or duplicate a job. */
class TransientFailureTest {
    @TempDir
    Path dir;

    /** Fails every third SubmitJob (before it reaches the engine) and the first few polls. */
    static final class FlakyBatch extends DelegatingBatch {
        final AtomicInteger submits = new AtomicInteger();
        final AtomicInteger describes = new AtomicInteger();
        final List<String> submittedNames = new ArrayList<>();

        FlakyBatch(BatchService delegate) {
            super(delegate);
        }

        @Override
        public SubmitJobResult submitJob(SubmitJobRequest request) {
            if (submits.incrementAndGet() % 3 == 0) {
                throw new IllegalStateException("Rate exceeded (TooManyRequestsException)");
            }
            submittedNames.add(request.jobName());
            return delegate.submitJob(request);
        }

        @Override
        public List<JobDetail> describeJobs(List<String> jobIds) {
            if (describes.incrementAndGet() <= 3) {
                throw new IllegalStateException("HTTP 503 Service Unavailable");
            }
            return delegate.describeJobs(jobIds);
        }
    }

    @Test
    void failedSubmitsAndPollsAreRetriedLaterWithoutSubmittingAnyJobTwice() {
        LocalRunHarness harness = new LocalRunHarness(dir);
        GraphSpec graph = harness.graph("""
                name: flaky
                plan: {items: {list: [1, 2, 3]}}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                stages:
                  - {name: a, jobDefinition: sh}
                  - {name: b, jobDefinition: sh, dependsOn: [{stage: a, type: N_TO_N}]}
                  - {name: c, type: single, jobDefinition: sh, dependsOn: [b]}
                  - {name: d, type: aggregate, jobDefinition: sh, dependsOn: [c], count: 3}
                """);
        try (RunEngine engine = harness.engine(graph, "flaky-1")) {
            RunServices base = engine.services();
            FlakyBatch flaky = new FlakyBatch(base.batch());
            RunServices services = new RunServices(
                    flaky,
                    base.stores(),
                    base.logs(),
                    base.calls(),
                    base.clock(),
                    base.sleeper(),
                    new PollSchedule(Duration.ofMillis(5), Duration.ofMillis(20), () -> 0.5),
                    base.listener(),
                    base.json(),
                    base.definitionNames(),
                    base.settings());

            RunResult result =
                    GraphRunner.start(services, graph, dir, "flaky-1").runToCompletion();

            assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(flaky.submittedNames).doesNotHaveDuplicates().hasSize(4);
            assertThat(flaky.submits.get()).isGreaterThan(4);
            assertThat(harness.messages)
                    .anyMatch(m -> m.contains("TooManyRequestsException") && m.contains("retrying"));
        }
    }
}
