package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.ConsumableResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.JobDefinition;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalBatchAdminTest extends LocalBatchTestSupport {

    @Test
    void definitionRevisionsCountUpPerNameAndNameResolvesToTheLatest() {
        start(2);
        JobDefinition one = batch.registerJobDefinition(JobDefinition.ofCommand("d", List.of("echo", "one")));
        JobDefinition two = batch.registerJobDefinition(JobDefinition.ofCommand("d", List.of("echo", "two")));
        JobDefinition other = batch.registerJobDefinition(JobDefinition.ofCommand("e", List.of("true")));
        assertThat(one.revision()).isEqualTo(1);
        assertThat(two.revision()).isEqualTo(2);
        assertThat(other.revision()).isEqualTo(1);
        String byName = batch.submitJob(SubmitJobRequest.builder()
                        .jobName("n")
                        .jobQueue("default")
                        .jobDefinition("d")
                        .build())
                .jobId();
        String byRevision = batch.submitJob(SubmitJobRequest.builder()
                        .jobName("r")
                        .jobQueue("default")
                        .jobDefinition("d:1")
                        .build())
                .jobId();
        awaitTerminal(byName);
        awaitTerminal(byRevision);
        assertThat(log(byName)).containsExactly("two");
        assertThat(log(byRevision)).containsExactly("one");
        assertThat(describe(byName).jobDefinition()).endsWith("job-definition/d:2");
    }

    @Test
    void deregisteredRevisionIsInactiveAndCannotBeSubmitted() {
        start(2);
        batch.registerJobDefinition(JobDefinition.ofCommand("d", List.of("true")));
        batch.registerJobDefinition(JobDefinition.ofCommand("d", List.of("true")));
        batch.deregisterJobDefinition("d:2");
        assertThat(batch.describeJobDefinitions(List.of("d")))
                .extracting(JobDefinitionInfo::status)
                .containsExactly("ACTIVE", "INACTIVE");
        assertThatThrownBy(() -> batch.submitJob(SubmitJobRequest.builder()
                        .jobName("x")
                        .jobQueue("default")
                        .jobDefinition("d:2")
                        .build()))
                .isInstanceOf(BatchClientException.class);
        assertThat(batch.submitJob(SubmitJobRequest.builder()
                                .jobName("x")
                                .jobQueue("default")
                                .jobDefinition("d")
                                .build())
                        .jobId())
                .isNotBlank();
    }

    @Test
    void submitToAnUnknownQueueOrDefinitionIsAClientErrorNamingIt() {
        start(2);
        String definition = shellDefinition("d", "true");
        assertThatThrownBy(() -> batch.submitJob(SubmitJobRequest.builder()
                        .jobName("x")
                        .jobQueue("nope")
                        .jobDefinition(definition)
                        .build()))
                .isInstanceOf(BatchClientException.class)
                .hasMessage("JobQueue nope not found.");
        assertThatThrownBy(() -> batch.submitJob(SubmitJobRequest.builder()
                        .jobName("x")
                        .jobQueue("default")
                        .jobDefinition("missing:3")
                        .build()))
                .isInstanceOf(BatchClientException.class)
                .hasMessage("JobDefinition missing:3 not found.");
    }

    @Test
    void queuesTakeComputeEnvironmentsAndTheFirstOneNamesAwsBatchCeName() {
        start(2);
        batch.createComputeEnvironment("ce-a");
        batch.createComputeEnvironment("ce-b");
        JobQueueInfo queue = batch.createJobQueue("high", 10, List.of("ce-b", "ce-a"));
        assertThat(queue.arn()).endsWith(":job-queue/high");
        assertThat(batch.describeJobQueues()).extracting(JobQueueInfo::name).contains("default", "high");
        assertThat(batch.describeComputeEnvironments())
                .extracting(ComputeEnvironmentInfo::name)
                .contains("local", "ce-a", "ce-b");
        String definition = shellDefinition("ce", "echo $AWS_BATCH_JQ_NAME $AWS_BATCH_CE_NAME");
        String id = batch.submitJob(SubmitJobRequest.builder()
                        .jobName("ce")
                        .jobQueue(queue.arn())
                        .jobDefinition(definition)
                        .build())
                .jobId();
        awaitTerminal(id);
        assertThat(log(id)).containsExactly("high ce-b");
        assertThatThrownBy(() -> batch.createJobQueue("bad", 1, List.of("no-ce")))
                .isInstanceOf(BatchClientException.class);
    }

    @Test
    void ensureJobQueueCreatesTheQueueOnceAndReturnsItAfterwards() {
        start(2);
        JobQueueInfo first = batch.ensureJobQueue("graph-queue");
        JobQueueInfo again = batch.ensureJobQueue("graph-queue");
        assertThat(again).isEqualTo(first);
        assertThat(first.computeEnvironments()).containsExactly("local");
    }

    @Test
    void describeJobsWithMoreThanOneHundredIdsIsAClientError() {
        start(2);
        assertThatThrownBy(() -> batch.describeJobs(Collections.nCopies(101, "id")))
                .isInstanceOf(BatchClientException.class)
                .hasMessage(
                        "jobs: Maximum number of jobs supported is 100, got 101. Fix: ask for at most 100 per call");
        assertThat(batch.describeJobs(Collections.nCopies(100, "unknown"))).isEmpty();
    }

    @Test
    void listJobsByQueuePagesWithMaxResultsAndNextToken() {
        start(2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(submitShell("page-" + i, "true"));
        }
        ids.forEach(this::awaitTerminal);
        List<String> listed = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JobPage page = batch.listJobs(new ListJobsRequest("default", null, JobStatus.SUCCEEDED, null, 2, token));
            page.jobs().forEach(j -> listed.add(j.jobId()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(listed).containsExactlyElementsOf(ids);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void listJobsJobNameFilterMatchesExactlyOrByTrailingStarAcrossStatuses() {
        start(2);
        String a = submitShell("run1-score-0", "true");
        String b = submitShell("run1-rank-0", "exit 1");
        String c = submitShell("run2-score-0", "true");
        List.of(a, b, c).forEach(this::awaitTerminal);
        assertThat(names(new ListJobsRequest("default", null, null, "run1-*", null, null)))
                .containsExactly("run1-score-0", "run1-rank-0");
        assertThat(names(new ListJobsRequest("default", null, null, "run2-score-0", null, null)))
                .containsExactly("run2-score-0");
    }

    @Test
    void listJobsWithoutStatusOrFilterListsRunningJobsLikeAws() {
        start(2);
        String running = submitShell("running", "sleep 5");
        String done = submitShell("done", "true");
        awaitStatus(running, JobStatus.RUNNING);
        awaitTerminal(done);
        assertThat(batch.listJobs(new ListJobsRequest("default", null, null, null, null, null))
                        .jobs())
                .extracting(JobSummary::jobId)
                .containsExactly(running);
        batch.terminateJob(running, "cleanup");
    }

    @Test
    void tagsCanBeAddedListedAndRemovedByJobArn() {
        start(2);
        String id = submit(job("tagged", "true").tags(Map.of("batchgraph:run", "r1")));
        String arn = batch.jobArn(id);
        batch.tagResource(arn, Map.of("owner", "me"));
        assertThat(batch.listTagsForResource(arn))
                .containsEntry("batchgraph:run", "r1")
                .containsEntry("owner", "me");
        batch.untagResource(arn, List.of("owner"));
        assertThat(batch.listTagsForResource(arn)).containsOnlyKeys("batchgraph:run");
        assertThat(describe(id).tags()).containsOnlyKeys("batchgraph:run");
    }

    @Test
    void consumableResourceCapsHowManyJobsHoldItAtOnce() {
        start(4);
        batch.createConsumableResource("api-calls", 1);
        String script = "mkdir holder || { echo overlap >> overlap.txt; exit 1; }; sleep 0.05; rmdir holder";
        String parent = submit(job("capped", script)
                .arraySize(6)
                .consumableResources(List.of(new ConsumableResourceRequirement("api-calls", 1))));
        String free = submitShell("free", "true");
        assertThat(awaitTerminal(free).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(awaitTerminal(parent).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(file("overlap.txt")).doesNotExist();
        assertThat(batch.describeConsumableResources())
                .singleElement()
                .satisfies(r -> assertThat(r.inUseQuantity()).isZero());
    }

    @Test
    void unknownConsumableResourceIsAClientError() {
        start(2);
        assertThatThrownBy(() -> submit(
                        job("x", "true").consumableResources(List.of(new ConsumableResourceRequirement("nope", 1)))))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining("nope");
    }

    private List<String> names(ListJobsRequest request) {
        return batch.listJobs(request).jobs().stream().map(JobSummary::jobName).toList();
    }
}
