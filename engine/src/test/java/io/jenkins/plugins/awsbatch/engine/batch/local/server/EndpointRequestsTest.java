package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.model.CEType;
import software.amazon.awssdk.services.batch.model.ComputeEnvironmentDetail;

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
}
