package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.JobDefinition;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.ResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the local engine answers that a Batch client relies on (timeouts, specs, filters, tags, compute environment types), across a restart too. */
class LocalEngineRequestsTest extends LocalBatchTestSupport {

    // ---- 1. timeoutSecond in the config --------------------------------------------------------------------

    @Test
    void timeoutSecondDefaultsToOneSecondAndIsKeptByEveryWither() {
        LocalBatchConfig config = LocalBatchConfig.defaults(temp.resolve("logs"));
        assertThat(config.timeoutSecond()).isEqualTo(Duration.ofSeconds(1));
        LocalBatchConfig shortened = config.withTimeoutSecond(Duration.ofMillis(7))
                .withSlots(1)
                .withRegion("r")
                .withTerminationGrace(Duration.ofMillis(5))
                .withWorkingDirectory(temp)
                .withDataDirectory(null);
        assertThat(shortened.timeoutSecond()).isEqualTo(Duration.ofMillis(7));
        assertThat(new LocalBatchConfig(1, temp, null, null, null, null, null, null).timeoutSecond())
                .isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> config.withTimeoutSecond(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publicConstructorHonoursTheConfiguredTimeoutSecond() {
        batch = new LocalBatchService(config(1).withTimeoutSecond(Duration.ofMillis(5)));
        try {
            batch.ensureJobQueue("default");
            String slow = submit(job("slow", "sleep 30").timeoutSeconds(60));
            JobDetail done = awaitTerminal(slow);
            assertThat(done.status()).isEqualTo(JobStatus.FAILED);
            assertThat(done.statusReason()).isEqualTo("Job attempt duration exceeded timeout");
        } finally {
            batch.close();
        }
    }

    // ---- 6. compute environment type -----------------------------------------------------------------------

    @Test
    void computeEnvironmentKeepsItsTypeAcrossARestart() {
        LocalBatchConfig persistent = config(1).withDataDirectory(temp.resolve("data"));
        start(persistent);
        assertThat(batch.createComputeEnvironment("own", "unmanaged").type()).isEqualTo("UNMANAGED");
        assertThat(batch.createComputeEnvironment("managed").type()).isEqualTo("MANAGED");
        assertThatThrownBy(() -> batch.createComputeEnvironment("bad", "SPOT"))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining("MANAGED, UNMANAGED");
        batch.close();

        start(persistent);
        assertThat(batch.describeComputeEnvironments())
                .extracting(ComputeEnvironmentInfo::name, ComputeEnvironmentInfo::type)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("own", "UNMANAGED"),
                        org.assertj.core.groups.Tuple.tuple("managed", "MANAGED"));
        assertThat(batch.describeComputeEnvironments())
                .extracting(ComputeEnvironmentInfo::name)
                .doesNotContain("bad");
        assertThat(List.of(new ComputeEnvironmentInfo("n", "a", "ENABLED", "VALID").type()))
                .containsExactly("MANAGED");
    }

    // ---- 2. describeJobSpecs ---------------------------------------------------------------------------------

    @Test
    void describeJobSpecsReportsTheResolvedContainerRetryTimeoutAndParameters() {
        start(2);
        JobDefinition definition = batch.registerJobDefinition(new JobDefinition(
                "spec",
                0,
                "busybox:1",
                List.of("echo", "Ref::what", "Ref::other"),
                Map.of("DEF", "1", "AWS_BATCH_FAKE", "x"),
                Map.of("what", "default", "other", "kept"),
                RetryStrategy.attempts(2),
                120,
                List.of(new ResourceRequirement("VCPU", "1"), new ResourceRequirement("MEMORY", "512")),
                Map.of(),
                true));
        SubmitJobRequest.Builder request = SubmitJobRequest.builder()
                .jobName("spec")
                .jobQueue("default")
                .jobDefinition(definition.nameWithRevision())
                .parameters(Map.of("what", "given"))
                .environment(Map.of("OVR", "2"))
                .resourceRequirements(List.of(new ResourceRequirement("MEMORY", "1024")));
        String single = submit(request);
        String array = submit(request.arraySize(2).timeoutSeconds(300).retryStrategy(RetryStrategy.attempts(3)));

        List<JobSpecView> views = batch.describeJobSpecs(List.of(single, "nope", batch.jobArn(array), array + ":1"));
        assertThat(views).extracting(JobSpecView::jobId).containsExactly(single, array, array + ":1");
        JobSpecView view = views.get(0);
        assertThat(view.command()).containsExactly("echo", "given", "kept");
        assertThat(view.environment()).containsOnly(Map.entry("DEF", "1"), Map.entry("OVR", "2"));
        assertThat(view.image()).isEqualTo("busybox:1");
        assertThat(view.resourceRequirements())
                .containsExactly(new ResourceRequirement("VCPU", "1"), new ResourceRequirement("MEMORY", "1024"));
        assertThat(view.retryStrategy().attempts()).isEqualTo(2);
        assertThat(view.timeoutSeconds()).isEqualTo(120);
        assertThat(view.parameters()).containsOnly(Map.entry("what", "given"), Map.entry("other", "kept"));
        assertThat(view.propagateTags()).isTrue();
        assertThat(views.get(1).retryStrategy().attempts()).isEqualTo(3);
        assertThat(views.get(2).timeoutSeconds()).isEqualTo(300);
        assertThat(views.get(2).command()).isEqualTo(view.command());
        assertThatThrownBy(() -> batch.describeJobSpecs(java.util.Collections.nCopies(101, single)))
                .isInstanceOf(BatchClientException.class);
    }

    @Test
    void jobSpecsSurviveARestart() {
        LocalBatchConfig persistent = config(1).withDataDirectory(temp.resolve("data"));
        start(persistent);
        String id = submit(job("kept", "true").parameters(Map.of("p", "v")).environment(Map.of("E", "e")));
        awaitTerminal(id);
        JobSpecView before = batch.describeJobSpecs(List.of(id)).get(0);
        batch.close();
        start(persistent);
        assertThat(batch.describeJobSpecs(List.of(id))).containsExactly(before);
    }

    // ---- 3. ListJobs rows: arraySize and jobDefinition; the JOB_DEFINITION filter ------------------------------

    @Test
    void listJobsRowsCarryArraySizeOnParentsAndTheDefinitionOnEveryRow() {
        start(2);
        String single = submit(job("one", "true"));
        String array = submit(job("arr", "true").arraySize(3));
        awaitTerminal(single);
        awaitTerminal(array);
        String arn = describe(single).jobDefinition();
        assertThat(arn).startsWith("arn:aws:batch:").endsWith(":job-definition/one:1");
        List<JobSummary> rows = batch.listJobs(
                        new ListJobsRequest("default", null, JobStatus.SUCCEEDED, null, null, null))
                .jobs();
        assertThat(rows)
                .extracting(JobSummary::jobId, JobSummary::arraySize, JobSummary::jobDefinition)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(single, null, arn),
                        org.assertj.core.groups.Tuple.tuple(
                                array, 3, describe(array).jobDefinition()));
        List<JobSummary> children = batch.listJobs(ListJobsRequest.children(array, JobStatus.SUCCEEDED))
                .jobs();
        assertThat(children).hasSize(3).allSatisfy(c -> {
            assertThat(c.arraySize()).isNull();
            assertThat(c.jobDefinition()).endsWith(":job-definition/arr:1");
        });
    }

    @Test
    void jobDefinitionFilterMatchesNameRevisionArnOrPrefixAndListsEveryStatus() {
        start(2);
        String first = submit(job("score", "true")); // score:1
        String second = submit(job("score", "exit 1")); // score:2
        String other = submit(job("scorer", "true")); // scorer:1
        awaitTerminal(first);
        awaitTerminal(second);
        awaitTerminal(other);
        assertThat(ids(filter("score"))).containsExactly(first, second);
        assertThat(ids(filter("score:2"))).containsExactly(second);
        assertThat(ids(filter(describe(first).jobDefinition()))).containsExactly(first);
        assertThat(ids(filter("score*"))).containsExactly(first, second, other);
        assertThat(ids(filter("scorer:*"))).containsExactly(other);
        assertThat(ids(filter("Score"))).isEmpty();
        assertThat(ids(filter("nope"))).isEmpty();
        // combined with a name filter, both must match
        assertThat(ids(new ListJobsRequest("default", null, null, "scorer", null, null)
                        .withJobDefinitionFilter("score*")))
                .containsExactly(other);
    }

    private static ListJobsRequest filter(String definition) {
        return new ListJobsRequest("default", null, JobStatus.RUNNING, null, null, null)
                .withJobDefinitionFilter(definition);
    }

    private List<String> ids(ListJobsRequest request) {
        List<String> out = new ArrayList<>();
        String token = null;
        do {
            JobPage page = batch.listJobs(request.withNextToken(token));
            page.jobs().forEach(j -> out.add(j.jobId()));
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    // ---- 4. created-at filters in the engine ---------------------------------------------------------------------

    @Test
    void createdAtFiltersAreExclusiveListEveryStatusAndPage() {
        MutableClock clock = new MutableClock(1_000);
        start(config(2).withClock(clock));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.millis = 1_000 + i * 100L; // 1000, 1100, ..., 1400
            ids.add(submit(job("t" + i, "true")));
        }
        ids.forEach(this::awaitTerminal);
        ListJobsRequest base = new ListJobsRequest("default", null, JobStatus.RUNNING, null, null, null);
        assertThat(ids(base.withCreatedBetween(1_100L, null))).containsExactlyElementsOf(ids.subList(2, 5));
        assertThat(ids(base.withCreatedBetween(null, 1_200L))).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(ids(base.withCreatedBetween(1_000L, 1_400L))).containsExactlyElementsOf(ids.subList(1, 4));
        // paged by the engine: one match per page, three pages
        ListJobsRequest paged =
                new ListJobsRequest("default", null, null, null, 1, null).withCreatedBetween(1_000L, 1_400L);
        JobPage first = batch.listJobs(paged);
        assertThat(first.jobs()).extracting(JobSummary::jobId).containsExactly(ids.get(1));
        JobPage second = batch.listJobs(paged.withNextToken(first.nextToken()));
        assertThat(second.jobs()).extracting(JobSummary::jobId).containsExactly(ids.get(2));
        assertThat(ids(paged)).hasSize(3);
        assertThat(ids(base.withCreatedBetween(1_100L, null).withJobDefinitionFilter("t4")))
                .containsExactly(ids.get(4));
        // the old six-argument form is unchanged: no created-at bounds, status respected
        assertThat(base.createdAfter()).isNull();
        assertThat(ids(new ListJobsRequest("default", null, JobStatus.RUNNING, null, null, null)))
                .isEmpty();
    }

    static final class MutableClock extends Clock {
        volatile long millis;

        MutableClock(long millis) {
            this.millis = millis;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    // ---- 5. tags on queues, compute environments and job definitions ---------------------------------------------

    @Test
    void queuesComputeEnvironmentsAndDefinitionsKeepTagsAcrossARestart() {
        LocalBatchConfig persistent = config(1).withDataDirectory(temp.resolve("data"));
        start(persistent);
        String ce = batch.createComputeEnvironment("ce", "MANAGED", Map.of("team", "a"))
                .arn();
        String queue =
                batch.createJobQueue("q", 1, List.of("ce"), Map.of("team", "b")).arn();
        JobDefinition registered = batch.registerJobDefinition(new JobDefinition(
                "d", 0, null, List.of("true"), null, null, null, null, null, Map.of("team", "c"), false));
        String definition = batch.describeJobDefinitions(List.of(registered.nameWithRevision()))
                .get(0)
                .arn();
        assertThat(batch.listTagsForResource(ce)).containsOnly(Map.entry("team", "a"));
        assertThat(batch.listTagsForResource(queue)).containsOnly(Map.entry("team", "b"));
        assertThat(batch.listTagsForResource(definition)).containsOnly(Map.entry("team", "c"));

        for (String arn : List.of(ce, queue, definition)) {
            batch.tagResource(arn, Map.of("owner", "me", "gone", "x"));
            batch.untagResource(arn, List.of("gone", "team"));
        }
        batch.tagResource(queue, Map.of("owner", "you"));
        batch.close();

        start(persistent);
        assertThat(batch.listTagsForResource(ce)).containsOnly(Map.entry("owner", "me"));
        assertThat(batch.listTagsForResource(queue)).containsOnly(Map.entry("owner", "you"));
        assertThat(batch.listTagsForResource(definition)).containsOnly(Map.entry("owner", "me"));
        assertThat(batch.describeJobQueues())
                .filteredOn(q -> q.name().equals("q"))
                .singleElement()
                .extracting(JobQueueInfo::tags)
                .isEqualTo(Map.of("owner", "you"));
        assertThat(batch.describeJobDefinitions(List.of("d:1"))
                        .get(0)
                        .definition()
                        .tags())
                .isEqualTo(Map.of("owner", "me"));
        // the definition still works after being retagged
        String id = submit(SubmitJobRequest.builder().jobName("d").jobQueue("q").jobDefinition("d:1"));
        assertThat(awaitTerminal(id).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void taggingAnUnknownResourceIsAClientError() {
        start(1);
        String base = "arn:aws:batch:local:000000000000:";
        assertThatThrownBy(() -> batch.tagResource(base + "job-queue/none", Map.of("k", "v")))
                .isInstanceOf(BatchClientException.class)
                .hasMessage("JobQueue " + base + "job-queue/none not found.");
        assertThatThrownBy(() -> batch.listTagsForResource(base + "compute-environment/none"))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining("ComputeEnvironment");
        assertThatThrownBy(() -> batch.untagResource(base + "job-definition/none:1", List.of("k")))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining("JobDefinition");
        assertThatThrownBy(() -> batch.tagResource(base + "scheduling-policy/p", Map.of("k", "v")))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> batch.tagResource(base + "job/nope", Map.of("k", "v")))
                .isInstanceOf(BatchClientException.class);
    }
}
