package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.JobDefinition;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.ResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine side of engine/LOCAL-ENGINE-REQUESTS.md (items 1-6). */
class LocalEngineRequestsTest extends LocalBatchTestSupport {

    // ---- 1. timeoutSecond in the config --------------------------------------------------------------------

    @Test
    void timeoutSecondDefaultsToOneSecondAndIsKeptByEveryWither() {
        LocalBatchConfig config = LocalBatchConfig.defaults(temp.resolve("logs"));
        assertThat(config.timeoutSecond()).isEqualTo(Duration.ofSeconds(1));
        LocalBatchConfig shortened = config.withTimeoutSecond(Duration.ofMillis(7)).withSlots(1).withRegion("r")
                .withTerminationGrace(Duration.ofMillis(5)).withWorkingDirectory(temp).withDataDirectory(null);
        assertThat(shortened.timeoutSecond()).isEqualTo(Duration.ofMillis(7));
        assertThat(new LocalBatchConfig(1, temp, null, null, null, null, null, null).timeoutSecond())
                .isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> config.withTimeoutSecond(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
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
                .isInstanceOf(BatchClientException.class).hasMessageContaining("MANAGED, UNMANAGED");
        batch.close();

        start(persistent);
        assertThat(batch.describeComputeEnvironments())
                .extracting(ComputeEnvironmentInfo::name, ComputeEnvironmentInfo::type)
                .contains(org.assertj.core.groups.Tuple.tuple("own", "UNMANAGED"),
                        org.assertj.core.groups.Tuple.tuple("managed", "MANAGED"));
        assertThat(batch.describeComputeEnvironments()).extracting(ComputeEnvironmentInfo::name)
                .doesNotContain("bad");
        assertThat(List.of(new ComputeEnvironmentInfo("n", "a", "ENABLED", "VALID").type())).containsExactly("MANAGED");
    }

    // ---- 2. describeJobSpecs ---------------------------------------------------------------------------------

    @Test
    void describeJobSpecsReportsTheResolvedContainerRetryTimeoutAndParameters() {
        start(2);
        JobDefinition definition = batch.registerJobDefinition(new JobDefinition("spec", 0, "busybox:1",
                List.of("echo", "Ref::what", "Ref::other"), Map.of("DEF", "1", "AWS_BATCH_FAKE", "x"),
                Map.of("what", "default", "other", "kept"), RetryStrategy.attempts(2), 120,
                List.of(new ResourceRequirement("VCPU", "1"), new ResourceRequirement("MEMORY", "512")), Map.of(),
                true));
        SubmitJobRequest.Builder request = SubmitJobRequest.builder().jobName("spec").jobQueue("default")
                .jobDefinition(definition.nameWithRevision()).parameters(Map.of("what", "given"))
                .environment(Map.of("OVR", "2")).resourceRequirements(List.of(new ResourceRequirement("MEMORY", "1024")));
        String single = submit(request);
        String array = submit(request.arraySize(2).timeoutSeconds(300).retryStrategy(RetryStrategy.attempts(3)));

        List<JobSpecView> views = batch.describeJobSpecs(List.of(single, "nope", batch.jobArn(array), array + ":1"));
        assertThat(views).extracting(JobSpecView::jobId).containsExactly(single, array, array + ":1");
        JobSpecView view = views.get(0);
        assertThat(view.command()).containsExactly("echo", "given", "kept");
        assertThat(view.environment()).containsOnly(Map.entry("DEF", "1"), Map.entry("OVR", "2"));
        assertThat(view.image()).isEqualTo("busybox:1");
        assertThat(view.resourceRequirements()).containsExactly(new ResourceRequirement("VCPU", "1"),
                new ResourceRequirement("MEMORY", "1024"));
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
}
