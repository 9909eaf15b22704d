package io.jenkins.plugins.awsbatch.engine.batch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobDefinitionDescription.Kind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.batch.model.EcsProperties;
import software.amazon.awssdk.services.batch.model.EksProperties;
import software.amazon.awssdk.services.batch.model.JobDefinition;
import software.amazon.awssdk.services.batch.model.JobQueueDetail;
import software.amazon.awssdk.services.batch.model.NodeProperties;

/** ECS and EKS definitions are {@code type: container} on AWS too: only their properties block tells them apart. */
class DescribeMapperTest {
    private static JobDefinition.Builder base() {
        return JobDefinition.builder()
                .jobDefinitionName("rank")
                .revision(3)
                .jobDefinitionArn("arn:aws:batch:eu-west-1:1:job-definition/rank:3")
                .status("ACTIVE")
                .type("container");
    }

    @Test
    void eachKindOfDefinitionIsRecognised() {
        assertThat(DescribeMapper.definition(
                                base().containerProperties(c -> c.image("x")).build())
                        .kind())
                .isEqualTo(Kind.CONTAINER);
        assertThat(DescribeMapper.definition(
                                base().ecsProperties(EcsProperties.builder().build())
                                        .build())
                        .kind())
                .isEqualTo(Kind.ECS);
        assertThat(DescribeMapper.definition(
                                base().eksProperties(EksProperties.builder().build())
                                        .build())
                        .kind())
                .isEqualTo(Kind.EKS);
        assertThat(DescribeMapper.definition(base().type("multinode")
                                .nodeProperties(
                                        NodeProperties.builder().numNodes(2).build())
                                .build())
                        .kind())
                .isEqualTo(Kind.MULTI_NODE);
        var mapped = DescribeMapper.definition(base().build());
        assertThat(mapped.nameWithRevision()).isEqualTo("rank:3");
        assertThat(mapped.isActive()).isTrue();
    }

    @Test
    void aDisabledOrInvalidQueueIsNotUsable() {
        var disabled = DescribeMapper.queue(JobQueueDetail.builder()
                .jobQueueName("q")
                .state("DISABLED")
                .status("VALID")
                .build());
        var invalid = DescribeMapper.queue(JobQueueDetail.builder()
                .jobQueueName("q")
                .state("ENABLED")
                .status("INVALID")
                .statusReason("CE gone")
                .build());
        assertThat(disabled.isEnabled()).isFalse();
        assertThat(invalid.isEnabled()).isTrue();
        assertThat(invalid.isValid()).isFalse();
        assertThat(invalid.statusReason()).isEqualTo("CE gone");
    }
}
