package io.jenkins.plugins.awsbatch.engine.batch.aws;

import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.CEState;
import software.amazon.awssdk.services.batch.model.CEType;
import software.amazon.awssdk.services.batch.model.ComputeEnvironmentOrder;
import software.amazon.awssdk.services.batch.model.JQState;
import software.amazon.awssdk.services.batch.model.JobDefinitionType;
import software.amazon.awssdk.services.batch.model.KeyValuePair;

/** A compute environment, a queue and two job definitions in moto's Batch, named uniquely for one test. */
public record BatchFixture(String queue, String scoreDefinition, String rankDefinition) {

    public static BatchFixture create(BatchClient batch) {
        MotoSupport.useBatchWithoutDocker();
        String id = MotoSupport.unique("bg");
        String role = MotoSupport.createRole(id + "-service");
        String ce = batch.createComputeEnvironment(r -> r.computeEnvironmentName(id + "-ce")
                        .type(CEType.UNMANAGED)
                        .state(CEState.ENABLED)
                        .serviceRole(role))
                .computeEnvironmentArn();
        batch.createJobQueue(r -> r.jobQueueName(id + "-q")
                .state(JQState.ENABLED)
                .priority(1)
                .computeEnvironmentOrder(ComputeEnvironmentOrder.builder()
                        .order(1)
                        .computeEnvironment(ce)
                        .build()));
        String score = register(batch, id + "-score");
        String rank = register(batch, id + "-rank");
        return new BatchFixture(id + "-q", score, rank);
    }

    private static String register(BatchClient batch, String name) {
        var response = batch.registerJobDefinition(r -> r.jobDefinitionName(name)
                .type(JobDefinitionType.CONTAINER)
                .containerProperties(c -> c.image("busybox:latest")
                        .command("echo", "Ref::item")
                        .environment(
                                KeyValuePair.builder().name("MODEL").value("v1").build())
                        // The deprecated integer fields: moto 5.2.5 answers a VCPU resource requirement with a float
                        // "vcpus": 1.0 in DescribeJobs, which the SDK (rightly) refuses to read as an integer.
                        .vcpus(1)
                        .memory(512))
                .parameters(java.util.Map.of("item", "none")));
        return response.jobDefinitionName() + ":" + response.revision();
    }
}
