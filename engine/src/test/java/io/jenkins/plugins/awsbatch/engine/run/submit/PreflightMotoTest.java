package io.jenkins.plugins.awsbatch.engine.run.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.BatchFixture;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.run.GraphRunner;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.model.ComputeEnvironmentOrder;
import software.amazon.awssdk.services.batch.model.EksContainer;
import software.amazon.awssdk.services.batch.model.JQState;
import software.amazon.awssdk.services.batch.model.JobDefinitionType;

/**
 * The pre-flight check on the AWS path against moto: a disabled queue, a deregistered revision and an EKS
 * definition are all reported before the first SubmitJob, at the cost of one DescribeJobQueues and one
 * DescribeJobDefinitions per definition name.
 */
public class PreflightMotoTest {
    @TempDir
    Path dir;

    public static GraphSpec graph(String bucket, String queue, String a, String b, String c) {
        return new GraphBinder().parse("""
                name: preflight
                engine: aws
                region: us-east-1
                store: s3://%s/runs
                queue: %s
                plan: {items: {list: [1, 2, 3]}}
                stages:
                  - {name: a, jobDefinition: '%s'}
                  - {name: b, jobDefinition: '%s', dependsOn: [{stage: a, type: N_TO_N}]}
                  - {name: c, jobDefinition: '%s', dependsOn: [{stage: b, type: N_TO_N}]}
                """.formatted(bucket, queue, a, b, c), List.of());
    }

    private RunEngine engine(GraphSpec graph) {
        return new EngineFactory(Clock.systemUTC())
                .create(
                        graph,
                        "pf",
                        dir,
                        new EngineOptions(
                                EngineKind.AWS,
                                MotoSupport.REGION,
                                MotoSupport.endpoint(),
                                null,
                                new CredentialsSpec.StaticKeys("testing", "testing", null),
                                null),
                        RunListener.NONE);
    }

    @Test
    void aDisabledQueueADeregisteredRevisionAndAnEksDefinitionAreReportedBeforeAnySubmit() {
        AwsClients aws = MotoSupport.clients(new CallCounter());
        BatchFixture fx = BatchFixture.create(aws.batch());
        String bucket = MotoSupport.unique("pf");
        aws.s3().createBucket(b -> b.bucket(bucket));
        String disabled = MotoSupport.unique("off");
        String ce = aws.batch()
                .describeJobQueues(r -> r.jobQueues(fx.queue()))
                .jobQueues()
                .get(0)
                .computeEnvironmentOrder()
                .get(0)
                .computeEnvironment();
        aws.batch()
                .createJobQueue(r -> r.jobQueueName(disabled)
                        .state(JQState.ENABLED)
                        .priority(1)
                        .computeEnvironmentOrder(ComputeEnvironmentOrder.builder()
                                .order(1)
                                .computeEnvironment(ce)
                                .build()));
        aws.batch().updateJobQueue(r -> r.jobQueue(disabled).state(JQState.DISABLED));
        aws.batch().deregisterJobDefinition(r -> r.jobDefinition(fx.rankDefinition()));
        String eks = MotoSupport.unique("eks");
        aws.batch()
                .registerJobDefinition(r -> r.jobDefinitionName(eks)
                        .type(JobDefinitionType.CONTAINER)
                        .eksProperties(e -> e.podProperties(p -> p.containers(
                                EksContainer.builder().image("busybox").build()))));
        GraphSpec graph = graph(bucket, disabled, fx.scoreDefinition(), fx.rankDefinition(), eks);

        try (RunEngine engine = engine(graph)) {
            GraphValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                    GraphValidationException.class,
                    () -> GraphRunner.start(engine.services(), graph, dir, "pf-moto-1"));

            assertThat(e.errors())
                    .extracting(Object::toString)
                    .containsExactly(
                            "queue: job queue '" + disabled
                                    + "' is DISABLED in us-east-1: it takes no new jobs. Fix: enable it "
                                    + "(aws batch update-job-queue --job-queue " + disabled
                                    + " --state ENABLED) or name another queue",
                            "stages[1].jobDefinition: '" + fx.rankDefinition()
                                    + "' is not an ACTIVE job definition in us-east-1. "
                                    + "Fix: register it or fix the name (aws batch describe-job-definitions --job-definition-name "
                                    + fx.rankDefinition().replaceAll(":\\d+$", "") + " --status ACTIVE)",
                            "stages[2].jobDefinition: '" + eks
                                    + ":1' is a job definition of type EKS (eksProperties): not "
                                    + "supported yet (batchgraph submits container jobs, with containerOverrides). Fix: name a "
                                    + "container job definition (one with containerProperties)");
            assertThat(engine.services().calls().get("SubmitJob")).isZero();
            assertThat(engine.services().calls().get("PutObject")).isZero(); // not even planned
        } finally {
            aws.close();
        }
    }

    @Test
    void aThreeStageGraphOnAwsCostsOneQueueLookupAndOneDefinitionLookupPerName() {
        AwsClients aws = MotoSupport.clients(new CallCounter());
        BatchFixture fx = BatchFixture.create(aws.batch());
        String bucket = MotoSupport.unique("pf");
        aws.s3().createBucket(b -> b.bucket(bucket));
        GraphSpec graph = graph(bucket, fx.queue(), fx.scoreDefinition(), fx.rankDefinition(), fx.rankDefinition());

        try (RunEngine engine = engine(graph)) {
            GraphRunner.start(engine.services(), graph, dir, "pf-moto-2").step();

            assertThat(engine.services().calls().snapshot())
                    .containsEntry("DescribeJobQueues", 1L)
                    .containsEntry("DescribeJobDefinitions", 2L)
                    .containsEntry("SubmitJob", 3L);
        } finally {
            aws.close();
        }
    }
}
