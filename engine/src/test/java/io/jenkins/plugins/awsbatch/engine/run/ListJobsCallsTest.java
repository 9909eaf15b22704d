package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.CountingBatchService;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobResult;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.track.FailureDigest;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ListJobs a 25,001-item run costs against a Batch that pages as AWS does (100 a page unless asked for up to
 * 1,000) and ends every job at once: compute seconds of 9 arrays of up to 10,000 children are listed in pages of
 * 1,000, while SubmitJob and DescribeJobs stay what they were.
 */
@Tag("scale")
class ListJobsCallsTest {
    @TempDir
    Path dir;

    /** Every job ends in {@code outcome} as soon as it is submitted, each child having run for two seconds. */
    static final class InstantBatch implements BatchService {
        private final Map<String, SubmitJobRequest> jobs = new ConcurrentHashMap<>();
        final List<ListJobsRequest> listings = new CopyOnWriteArrayList<>();
        private final JobStatus outcome;

        InstantBatch(JobStatus outcome) {
            this.outcome = outcome;
        }

        @Override
        public SubmitJobResult submitJob(SubmitJobRequest request) {
            String id = "job-" + jobs.size();
            jobs.put(id, request);
            return new SubmitJobResult(id, request.jobName(), null);
        }

        @Override
        public List<JobDetail> describeJobs(List<String> jobIds) {
            List<JobDetail> out = new ArrayList<>();
            for (String id : jobIds) {
                SubmitJobRequest r = jobs.get(id);
                if (r != null) {
                    Map<JobStatus, Integer> summary = r.arraySize() == null
                            ? null
                            : Map.of(
                                    outcome,
                                    r.arraySize(),
                                    outcome == JobStatus.SUCCEEDED ? JobStatus.FAILED : JobStatus.SUCCEEDED,
                                    0);
                    out.add(new JobDetail(
                            id,
                            r.jobName(),
                            r.jobQueue(),
                            r.jobDefinition(),
                            outcome,
                            null,
                            1_000L,
                            1_000L,
                            3_000L,
                            r.arraySize(),
                            null,
                            summary,
                            0,
                            null,
                            List.of(),
                            r.dependsOn(),
                            false,
                            false,
                            Map.of()));
                }
            }
            return out;
        }

        @Override
        public JobPage listJobs(ListJobsRequest request) {
            listings.add(request);
            SubmitJobRequest parent = request.arrayJobId() == null ? null : jobs.get(request.arrayJobId());
            if (parent == null || parent.arraySize() == null || request.status() != outcome) {
                return new JobPage(List.of(), null);
            }
            int size = request.maxResults() == null ? 100 : request.maxResults();
            int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
            int to = Math.min(from + size, parent.arraySize());
            List<JobSummary> page = new ArrayList<>();
            for (int i = from; i < to; i++) {
                page.add(new JobSummary(
                        request.arrayJobId() + ":" + i,
                        parent.jobName(),
                        outcome,
                        null,
                        1_000L,
                        1_000L,
                        3_000L,
                        i,
                        outcome == JobStatus.SUCCEEDED ? 0 : 1,
                        null,
                        parent.jobDefinition()));
            }
            return new JobPage(page, to < parent.arraySize() ? Integer.toString(to) : null);
        }

        @Override
        public void cancelJob(String jobId, String reason) {}

        @Override
        public void terminateJob(String jobId, String reason) {}
    }

    private void writeItems(int items) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < items; i++) {
            lines.append("{\"id\":\"i").append(i).append("\"}\n");
        }
        Files.writeString(dir.resolve("items.jsonl"), lines);
    }

    /** Runs {@code stages} over items.jsonl with a definition {@code t} running {@code command}. */
    private RunResult run(InstantBatch batch, String command, String stages) {
        LocalRunHarness harness = new LocalRunHarness(dir);
        GraphSpec graph = harness.graph("name: listed\nplan: {items: {file: items.jsonl}}\n"
                + "jobDefinitions: {t: {command: ['" + command + "']}}\nstages:\n" + stages);
        try (RunEngine engine = harness.engine(graph, "listed-1")) {
            RunServices base = engine.services();
            RunServices services = new RunServices(
                    new CountingBatchService(batch, base.calls()),
                    base.stores(),
                    base.logs(),
                    base.calls(),
                    base.clock(),
                    base.sleeper(),
                    base.pollSchedule(),
                    base.listener(),
                    base.json(),
                    base.definitionNames(),
                    base.settings());
            return GraphRunner.start(services, graph, harness.dir, "listed-1").runToCompletion();
        }
    }

    @Test
    void threeStagesOfTwentyFiveThousandAndOneItemsListTheirChildrenInPagesOfAThousand() throws Exception {
        int items = 25_001;
        writeItems(items);
        InstantBatch batch = new InstantBatch(JobStatus.SUCCEEDED);
        RunResult result = run(batch, "true", """
                  - {name: a, jobDefinition: t}
                  - {name: b, jobDefinition: t, dependsOn: [{stage: a, type: N_TO_N}]}
                  - {name: c, jobDefinition: t, dependsOn: [{stage: b, type: N_TO_N}]}
                  - {name: agg, type: aggregate, jobDefinition: t, dependsOn: [c]}
                """);

        assertThat(result.outcome()).as(FailureDigest.oneLine(result)).isEqualTo(Outcome.SUCCEEDED);
        System.out.println("BENCH listjobs items=" + items + " calls=" + result.calls());
        // 3 stages x 3 arrays of about 8,334 children x 9 pages of succeeded children; nothing else lists (pages of
        // 100 cost 3 x 3 x 84 = 756)
        assertThat(result.calls())
                .containsEntry("ListJobs", 81L)
                .containsEntry("SubmitJob", 10L)
                .containsEntry("DescribeJobs", 1L);
        assertThat(batch.listings).allSatisfy(r -> assertThat(r.maxResults()).isEqualTo(1000));
        // compute seconds still total every child: 2 s each
        assertThat(result.stages().get(0).computeSeconds()).isEqualTo(items * 2.0);
    }

    @Test
    void anArrayWhoseSummarySaysNoChildSucceededListsOnlyItsFailedChildren() throws Exception {
        writeItems(5);
        InstantBatch batch = new InstantBatch(JobStatus.FAILED);
        RunResult result = run(batch, "false", """
                  - {name: a, jobDefinition: t}
                """);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.stages().get(0).failedItems()).hasSize(5);
        assertThat(batch.listings)
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(JobStatus.FAILED));
        assertThat(result.stages().get(0).computeSeconds()).isEqualTo(10.0);
    }
}
