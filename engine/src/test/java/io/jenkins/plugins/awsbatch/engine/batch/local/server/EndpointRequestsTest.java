package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.model.CEType;
import software.amazon.awssdk.services.batch.model.ComputeEnvironmentDetail;
import software.amazon.awssdk.services.batch.model.JobDefinitionType;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.batch.model.ResourceRequirement;
import software.amazon.awssdk.services.batch.model.ResourceType;

/** The wire side of engine/LOCAL-ENGINE-REQUESTS.md (items 2-6), through the real SDK. */
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
        endpoint.batch.createComputeEnvironment(r -> r.computeEnvironmentName("own").type(CEType.UNMANAGED));
        var described = endpoint.batch.describeComputeEnvironments(r -> r.computeEnvironments("own", Endpoint.COMPUTE_ENVIRONMENT))
                .computeEnvironments();
        assertThat(described).extracting(ComputeEnvironmentDetail::computeEnvironmentName, ComputeEnvironmentDetail::type)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("own", CEType.UNMANAGED),
                        org.assertj.core.groups.Tuple.tuple(Endpoint.COMPUTE_ENVIRONMENT, CEType.MANAGED));
    }

    // ---- 2. DescribeJobs: container, retryStrategy, timeout, parameters, propagateTags ----------------------

    @Test
    void describeJobsReturnsTheContainerRetryStrategyTimeoutAndParameters() {
        var registered = endpoint.batch.registerJobDefinition(r -> r.jobDefinitionName("spec")
                .type(JobDefinitionType.CONTAINER).parameters(Map.of("what", "default"))
                .retryStrategy(s -> s.attempts(2)).timeout(t -> t.attemptDurationSeconds(120)).propagateTags(true)
                .containerProperties(c -> c.image("busybox:1").command("echo", "Ref::what")
                        .environment(KeyValuePair.builder().name("DEF").value("1").build())
                        .resourceRequirements(ResourceRequirement.builder().type(ResourceType.VCPU).value("1").build(),
                                ResourceRequirement.builder().type(ResourceType.MEMORY).value("512").build())));
        String id = endpoint.batch.submitJob(r -> r.jobName("spec").jobQueue(Endpoint.QUEUE)
                .jobDefinition(registered.jobDefinitionArn()).parameters(Map.of("what", "given"))
                .containerOverrides(c -> c.environment(KeyValuePair.builder().name("OVR").value("2").build())
                        .resourceRequirements(ResourceRequirement.builder().type(ResourceType.MEMORY).value("1024")
                                .build()))).jobId();
        JobDetail job = endpoint.awaitTerminal(id);
        assertThat(job.container().command()).containsExactly("echo", "given");
        assertThat(job.container().environment()).extracting(KeyValuePair::name, KeyValuePair::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DEF", "1"),
                        org.assertj.core.groups.Tuple.tuple("OVR", "2"));
        assertThat(job.container().image()).isEqualTo("busybox:1");
        assertThat(job.container().resourceRequirements()).extracting(r -> r.typeAsString() + "=" + r.value())
                .containsExactly("VCPU=1", "MEMORY=1024");
        assertThat(job.container().exitCode()).isZero();
        assertThat(job.retryStrategy().attempts()).isEqualTo(2);
        assertThat(job.timeout().attemptDurationSeconds()).isEqualTo(120);
        assertThat(job.parameters()).containsOnly(Map.entry("what", "given"));
        assertThat(job.propagateTags()).isTrue();

        String array = endpoint.batch.submitJob(r -> r.jobName("arr").jobQueue(Endpoint.QUEUE)
                .jobDefinition(registered.jobDefinitionArn()).arrayProperties(a -> a.size(2))).jobId();
        JobDetail parent = endpoint.awaitTerminal(array);
        assertThat(parent.container().command()).containsExactly("echo", "default");
        assertThat(parent.container().exitCode()).isNull();
        assertThat(endpoint.describe(array + ":1").container().image()).isEqualTo("busybox:1");
        assertThat(List.of(parent.arrayProperties().size())).containsExactly(2);
    }
}
