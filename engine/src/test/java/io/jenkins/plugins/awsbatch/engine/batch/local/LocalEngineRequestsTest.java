package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.time.Duration;
import java.util.List;
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
}
