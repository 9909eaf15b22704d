package io.jenkins.plugins.awsbatch.engine.batch.aws;

import io.jenkins.plugins.awsbatch.engine.batch.JobDefinitionDescription;
import io.jenkins.plugins.awsbatch.engine.batch.JobDefinitionDescription.Kind;
import io.jenkins.plugins.awsbatch.engine.batch.JobQueueDescription;
import software.amazon.awssdk.services.batch.model.JobDefinition;
import software.amazon.awssdk.services.batch.model.JobQueueDetail;

/** DescribeJobQueues / DescribeJobDefinitions answers to the engine's value types, so no SDK type leaks. */
final class DescribeMapper {
    private DescribeMapper() {}

    static JobQueueDescription queue(JobQueueDetail q) {
        return new JobQueueDescription(
                q.jobQueueName(), q.jobQueueArn(), q.stateAsString(), q.statusAsString(), q.statusReason());
    }

    static JobDefinitionDescription definition(JobDefinition d) {
        int revision = d.revision() == null ? 0 : d.revision();
        return new JobDefinitionDescription(d.jobDefinitionName(), revision, d.jobDefinitionArn(), d.status(), kind(d));
    }

    /** ECS and EKS definitions are {@code type: container} too: the properties block tells them apart. */
    static Kind kind(JobDefinition d) {
        if (d.nodeProperties() != null || "multinode".equalsIgnoreCase(d.type())) {
            return Kind.MULTI_NODE;
        }
        if (d.ecsProperties() != null) {
            return Kind.ECS;
        }
        if (d.eksProperties() != null) {
            return Kind.EKS;
        }
        return Kind.CONTAINER;
    }
}
