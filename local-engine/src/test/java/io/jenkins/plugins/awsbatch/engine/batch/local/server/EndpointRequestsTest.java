package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.model.BatchException;
import software.amazon.awssdk.services.batch.model.CEType;
import software.amazon.awssdk.services.batch.model.ComputeEnvironmentDetail;
import software.amazon.awssdk.services.batch.model.JobDefinitionType;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobStatus;
import software.amazon.awssdk.services.batch.model.JobSummary;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.batch.model.ResourceRequirement;
import software.amazon.awssdk.services.batch.model.ResourceType;

/** What the local engine answers that a Batch client relies on (specs, filters, tags, compute environment types), over the wire through the real SDK. */
class EndpointRequestsTest {
    @TempDir
    Path dir;

    Endpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        endpoint = Endpoint.start(dir);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    // ---- 6. compute environment type -----------------------------------------------------------------------

    @Test
    void describeComputeEnvironmentsReportsTheTypeGivenAtCreation() {
        endpoint.batch.createComputeEnvironment(
                r -> r.computeEnvironmentName("own").type(CEType.UNMANAGED));
        var described = endpoint.batch
                .describeComputeEnvironments(r -> r.computeEnvironments("own", Endpoint.COMPUTE_ENVIRONMENT))
                .computeEnvironments();
        assertThat(described)
                .extracting(ComputeEnvironmentDetail::computeEnvironmentName, ComputeEnvironmentDetail::type)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("own", CEType.UNMANAGED),
                        org.assertj.core.groups.Tuple.tuple(Endpoint.COMPUTE_ENVIRONMENT, CEType.MANAGED));
    }

    // ---- 2. DescribeJobs: container, retryStrategy, timeout, parameters, propagateTags ----------------------

    @Test
    void describeJobsReturnsTheContainerRetryStrategyTimeoutAndParameters() {
        var registered = endpoint.batch.registerJobDefinition(r -> r.jobDefinitionName("spec")
                .type(JobDefinitionType.CONTAINER)
                .parameters(Map.of("what", "default"))
                .retryStrategy(s -> s.attempts(2))
                .timeout(t -> t.attemptDurationSeconds(120))
                .propagateTags(true)
                .containerProperties(c -> c.image("busybox:1")
                        .command("echo", "Ref::what")
                        .environment(
                                KeyValuePair.builder().name("DEF").value("1").build())
                        .resourceRequirements(
                                ResourceRequirement.builder()
                                        .type(ResourceType.VCPU)
                                        .value("1")
                                        .build(),
                                ResourceRequirement.builder()
                                        .type(ResourceType.MEMORY)
                                        .value("512")
                                        .build())));
        String id = endpoint.batch
                .submitJob(r -> r.jobName("spec")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(registered.jobDefinitionArn())
                        .parameters(Map.of("what", "given"))
                        .containerOverrides(c -> c.environment(KeyValuePair.builder()
                                        .name("OVR")
                                        .value("2")
                                        .build())
                                .resourceRequirements(ResourceRequirement.builder()
                                        .type(ResourceType.MEMORY)
                                        .value("1024")
                                        .build())))
                .jobId();
        JobDetail job = endpoint.awaitTerminal(id);
        assertThat(job.container().command()).containsExactly("echo", "given");
        assertThat(job.container().environment())
                .extracting(KeyValuePair::name, KeyValuePair::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DEF", "1"),
                        org.assertj.core.groups.Tuple.tuple("OVR", "2"));
        assertThat(job.container().image()).isEqualTo("busybox:1");
        assertThat(job.container().resourceRequirements())
                .extracting(r -> r.typeAsString() + "=" + r.value())
                .containsExactly("VCPU=1", "MEMORY=1024");
        assertThat(job.container().exitCode()).isZero();
        assertThat(job.retryStrategy().attempts()).isEqualTo(2);
        assertThat(job.timeout().attemptDurationSeconds()).isEqualTo(120);
        assertThat(job.parameters()).containsOnly(Map.entry("what", "given"));
        assertThat(job.propagateTags()).isTrue();

        String array = endpoint.batch
                .submitJob(r -> r.jobName("arr")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(registered.jobDefinitionArn())
                        .arrayProperties(a -> a.size(2)))
                .jobId();
        JobDetail parent = endpoint.awaitTerminal(array);
        assertThat(parent.container().command()).containsExactly("echo", "default");
        assertThat(parent.container().exitCode()).isNull();
        assertThat(endpoint.describe(array + ":1").container().image()).isEqualTo("busybox:1");
        assertThat(List.of(parent.arrayProperties().size())).containsExactly(2);
    }

    // ---- 3 and 4. ListJobs rows, JOB_DEFINITION and created-at filters ---------------------------------------

    @Test
    void listJobsRowsCarryArraySizeAndDefinitionAndTheJobDefinitionFilterWorks() {
        String score = endpoint.registerShell("score", "true");
        String other = endpoint.registerShell("scorer", "true");
        String single = endpoint.batch
                .submitJob(r -> r.jobName("one").jobQueue(Endpoint.QUEUE).jobDefinition(score))
                .jobId();
        String array = endpoint.batch
                .submitJob(r -> r.jobName("arr")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(other)
                        .arrayProperties(a -> a.size(2)))
                .jobId();
        endpoint.awaitTerminal(single);
        endpoint.awaitTerminal(array);
        String scoreArn = endpoint.describe(single).jobDefinition();

        List<JobSummary> rows = endpoint.batch
                .listJobs(r -> r.jobQueue(Endpoint.QUEUE).jobStatus(JobStatus.SUCCEEDED))
                .jobSummaryList();
        JobSummary singleRow =
                rows.stream().filter(j -> j.jobId().equals(single)).findFirst().orElseThrow();
        JobSummary arrayRow =
                rows.stream().filter(j -> j.jobId().equals(array)).findFirst().orElseThrow();
        assertThat(singleRow.jobDefinition()).isEqualTo(scoreArn);
        assertThat(singleRow.arrayProperties()).isNull();
        assertThat(arrayRow.arrayProperties().size()).isEqualTo(2);
        assertThat(arrayRow.jobDefinition()).endsWith(":job-definition/" + other);
        assertThat(endpoint.batch
                        .listJobs(r -> r.arrayJobId(array).jobStatus(JobStatus.SUCCEEDED))
                        .jobSummaryList())
                .allSatisfy(child -> {
                    assertThat(child.arrayProperties().index()).isNotNull();
                    assertThat(child.arrayProperties().size()).isNull();
                    assertThat(child.jobDefinition()).endsWith(":job-definition/" + other);
                });

        assertThat(byDefinition("score")).containsExactly(single);
        assertThat(byDefinition(scoreArn)).containsExactly(single);
        assertThat(byDefinition("score*")).containsExactlyInAnyOrder(single, array);
        assertThat(byDefinition("nope")).isEmpty();
        long now = System.currentTimeMillis() + 1;
        assertThat(endpoint.batch
                        .listJobs(r -> r.jobQueue(Endpoint.QUEUE)
                                .filters(
                                        f -> f.name("JOB_DEFINITION").values("score*"),
                                        f -> f.name("BEFORE_CREATED_AT").values(Long.toString(now))))
                        .jobSummaryList())
                .extracting(JobSummary::jobId)
                .containsExactlyInAnyOrder(single, array);
        assertThat(endpoint.batch
                        .listJobs(r -> r.jobQueue(Endpoint.QUEUE)
                                .filters(f -> f.name("AFTER_CREATED_AT").values(Long.toString(now))))
                        .jobSummaryList())
                .isEmpty();
    }

    private List<String> byDefinition(String value) {
        return endpoint
                .batch
                .listJobs(r -> r.jobQueue(Endpoint.QUEUE)
                        .filters(f -> f.name("JOB_DEFINITION").values(value)))
                .jobSummaryList()
                .stream()
                .map(JobSummary::jobId)
                .toList();
    }

    // ---- 5. tags on every resource type ----------------------------------------------------------------------------

    @Test
    void queuesComputeEnvironmentsAndDefinitionsCanBeTaggedListedAndUntagged() {
        String ce = endpoint.batch
                .createComputeEnvironment(r -> r.computeEnvironmentName("tagged-ce")
                        .type(CEType.MANAGED)
                        .tags(Map.of("team", "a")))
                .computeEnvironmentArn();
        String queue = endpoint.batch
                .createJobQueue(r -> r.jobQueueName("tagged-q")
                        .priority(1)
                        .computeEnvironmentOrder(o -> o.order(1).computeEnvironment(ce))
                        .tags(Map.of("team", "b")))
                .jobQueueArn();
        String definition = endpoint.batch
                .registerJobDefinition(r -> r.jobDefinitionName("tagged-d")
                        .type(JobDefinitionType.CONTAINER)
                        .tags(Map.of("team", "c"))
                        .containerProperties(c -> c.image("busybox").command("true")))
                .jobDefinitionArn();
        assertThat(tags(ce)).containsOnly(Map.entry("team", "a"));
        assertThat(tags(queue)).containsOnly(Map.entry("team", "b"));
        assertThat(tags(definition)).containsOnly(Map.entry("team", "c"));
        for (String arn : List.of(ce, queue, definition)) {
            endpoint.batch.tagResource(r -> r.resourceArn(arn).tags(Map.of("owner", "me")));
            endpoint.batch.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
            assertThat(tags(arn)).as(arn).containsOnly(Map.entry("owner", "me"));
        }
        assertThat(endpoint.batch
                        .describeJobQueues(r -> r.jobQueues("tagged-q"))
                        .jobQueues()
                        .get(0)
                        .tags())
                .containsOnly(Map.entry("owner", "me"));
        assertThat(endpoint.batch
                        .describeComputeEnvironments(r -> r.computeEnvironments("tagged-ce"))
                        .computeEnvironments()
                        .get(0)
                        .tags())
                .containsOnly(Map.entry("owner", "me"));
        assertThat(endpoint.batch
                        .describeJobDefinitions(r -> r.jobDefinitions(definition))
                        .jobDefinitions()
                        .get(0)
                        .tags())
                .containsOnly(Map.entry("owner", "me"));
        String unknown = queue.replace("tagged-q", "nope");
        assertThatThrownBy(() ->
                        endpoint.batch.tagResource(r -> r.resourceArn(unknown).tags(Map.of("k", "v"))))
                .isInstanceOf(BatchException.class)
                .hasMessageContaining("JobQueue " + unknown + " not found");
    }

    private Map<String, String> tags(String arn) {
        return endpoint.batch.listTagsForResource(r -> r.resourceArn(arn)).tags();
    }
}
