package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.BatchFixture;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.submit.JobNames;
import io.jenkins.plugins.awsbatch.engine.run.track.FailureDigest;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.track.PollSchedule;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.batch.model.DescribeJobsRequest;
import software.amazon.awssdk.services.batch.model.JobDetail;

/**
 * The same runner on the AWS path, against moto: items in S3, arrays submitted to moto's Batch with the
 * exact dependencies, cleanup deleting only the run's prefix, and the array-not-loop call counts. moto's
 * Batch does not schedule (jobs succeed at once), so ordering rules are the local engine's tests.
 */
class AwsRunMotoTest {
    @TempDir
    Path dir;

    private record Run(RunResult result, AwsClients aws, String bucket) {}

    private Run run(int items, boolean cleanupAsJob) {
        return run(items, cleanupAsJob, null);
    }

    /** moto's endpoint, clients, a queue with job definitions, and a new bucket. */
    record MotoAccount(String endpoint, AwsClients aws, BatchFixture fx, String bucket) {
        static MotoAccount create() {
            String endpoint = MotoSupport.endpoint();
            MotoSupport.useBatchWithoutDocker();
            AwsClients aws = MotoSupport.clients(new CallCounter());
            BatchFixture fx = BatchFixture.create(aws.batch());
            String bucket = MotoSupport.unique("runs");
            aws.s3().createBucket(b -> b.bucket(bucket));
            return new MotoAccount(endpoint, aws, fx, bucket);
        }
    }

    private Run run(int items, boolean cleanupAsJob, String itemTable) {
        MotoAccount account = MotoAccount.create();
        String endpoint = account.endpoint();
        AwsClients aws = account.aws();
        BatchFixture fx = account.fx();
        String bucket = account.bucket();
        aws.s3().putObject(b -> b.bucket(bucket).key("keep/outside.txt"), RequestBody.fromString("not ours"));
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < items; i++) {
            list.append(i == 0 ? "" : ",").append(i);
        }
        GraphSpec graph = new GraphBinder()
                .parse(
                        """
                name: moto
                engine: aws
                region: us-east-1
                store: s3://%s/runs
                queue: %s
                plan: {items: {list: [%s]}%s}
                stages:
                  - {name: a, jobDefinition: %s}
                  - {name: b, jobDefinition: %s, dependsOn: [{stage: a, type: N_TO_N}]}
                  - {name: c, jobDefinition: %s, dependsOn: [{stage: b, type: N_TO_N}]}
                  - {name: merge, type: aggregate, jobDefinition: %s, dependsOn: [c]}
                  - {name: cleanup, type: cleanup%s}
                """.formatted(
                                        bucket,
                                        fx.queue(),
                                        list,
                                        itemTable == null ? "" : ", itemStore: 'dynamodb:" + itemTable + "'",
                                        fx.scoreDefinition(),
                                        fx.rankDefinition(),
                                        fx.rankDefinition(),
                                        fx.rankDefinition(),
                                        cleanupAsJob ? ", jobDefinition: " + fx.rankDefinition() : ""),
                        List.of());
        EngineOptions options = new EngineOptions(
                EngineKind.AWS,
                MotoSupport.REGION,
                endpoint,
                null,
                new CredentialsSpec.StaticKeys("testing", "testing", null),
                null);
        try (RunEngine engine =
                new EngineFactory(Clock.systemUTC()).create(graph, "moto-run", dir, options, RunListener.NONE)) {
            RunServices s = engine.services();
            RunServices fast = new RunServices(
                    s.batch(),
                    s.stores(),
                    s.logs(),
                    s.calls(),
                    s.clock(),
                    s.sleeper(),
                    new PollSchedule(Duration.ofMillis(50), Duration.ofMillis(200), () -> 0.5),
                    s.listener(),
                    s.json(),
                    s.definitionNames(),
                    s.settings());
            RunResult result = GraphRunner.start(fast, graph, dir, JobNames.newRunId("moto", java.time.Instant.now()))
                    .runToCompletion();
            return new Run(result, aws, bucket);
        }
    }

    @Test
    void aGraphRunsOnMotoWithNToNArraysAndCleanupKeepsEverythingOutsideTheRun() {
        Run run = run(30, false);
        RunResult result = run.result();

        assertThat(result.outcome()).as(FailureDigest.oneLine(result)).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.calls()).containsEntry("SubmitJob", 4L);
        String a = result.stages().get(0).jobIds().get(0);
        String b = result.stages().get(1).jobIds().get(0);
        JobDetail bDetail = run.aws()
                .batch()
                .describeJobs(DescribeJobsRequest.builder().jobs(b).build())
                .jobs()
                .get(0);
        assertThat(bDetail.arrayProperties().size()).isEqualTo(30);
        assertThat(bDetail.dependsOn()).singleElement().satisfies(d -> {
            assertThat(d.jobId()).isEqualTo(a);
            assertThat(d.typeAsString()).isEqualTo("N_TO_N");
        });
        assertThat(bDetail.tags())
                .containsEntry("batchgraph:run", result.runId())
                .containsEntry("batchgraph:stage", "b");
        assertThat(bDetail.container().environment()).anySatisfy(kv -> {
            assertThat(kv.name()).isEqualTo("BATCHGRAPH_ITEMS_URI");
            assertThat(kv.value()).isEqualTo("s3://" + run.bucket() + "/runs/" + result.runId() + "/items");
        });
        List<String> keys = run.aws().s3().listObjectsV2(r -> r.bucket(run.bucket())).contents().stream()
                .map(o -> o.key())
                .toList();
        assertThat(keys)
                .contains(
                        "keep/outside.txt",
                        "runs/" + result.runId() + "/state.json",
                        "runs/" + result.runId() + "/manifest.json");
        assertThat(keys).noneMatch(k -> k.contains("/items/"));
        run.aws().close();
    }

    @Test
    void withADynamoDbItemStoreJobsAreToldTheTableAndCleanupDeletesOnlyThisRunsItems() {
        MotoSupport.endpoint();
        String table = MotoSupport.unique("items");
        AwsClients setup = MotoSupport.clients(new CallCounter());
        setup.itemStore(table).createTableIfMissing();
        setup.itemStore(table).putAll("another-run", 0, List.of("{\"keep\": true}"));

        Run run = run(30, false, table);
        RunResult result = run.result();

        assertThat(result.outcome()).as(FailureDigest.oneLine(result)).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.calls()).containsEntry("BatchWriteItem", 4L); // 30 items: 2 batches of writes, 2 of deletes
        String a = result.stages().get(0).jobIds().get(0);
        JobDetail aDetail = run.aws()
                .batch()
                .describeJobs(DescribeJobsRequest.builder().jobs(a).build())
                .jobs()
                .get(0);
        assertThat(aDetail.container().environment()).anySatisfy(kv -> {
            assertThat(kv.name()).isEqualTo("BATCHGRAPH_ITEMS_URI");
            assertThat(kv.value()).isEqualTo("dynamodb://" + table + "/" + result.runId());
        });
        assertThat(result.cleanup().deletedPrefixes()).contains("dynamodb://" + table + "/" + result.runId());
        assertThat(setup.itemStore(table).readAll(result.runId())).isEmpty();
        assertThat(setup.itemStore(table).readAll("another-run")).containsExactly("{\"keep\": true}");
        setup.close();
        run.aws().close();
    }

    @Test
    @Tag("scale")
    void threeArrayStagesOfTwentyFiveThousandAndOneItemsCostNineArraySubmitsPlusAggregationAndCleanup() {
        Run run = run(25_001, true);
        RunResult result = run.result();

        assertThat(result.outcome()).as(FailureDigest.oneLine(result)).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.stages().subList(0, 3))
                .allSatisfy(stage -> assertThat(stage.jobIds()).hasSize(3));
        // 3 stages x 3 arrays, 1 aggregation, 1 cleanup job
        assertThat(result.calls()).containsEntry("SubmitJob", 11L);
        // the items packed (auto past 1,000): 3 parts and the offsets object, not 25,001 objects; the rest is the
        // manifest and the run's journal
        assertThat(result.calls().get("PutObject")).isLessThan(100L);
        assertThat(run.aws()
                        .s3()
                        .listObjectsV2(r -> r.bucket(run.bucket()).prefix("runs/" + result.runId() + "/items/"))
                        .contents())
                .extracting(o -> o.key().substring(o.key().lastIndexOf('/') + 1))
                .containsExactly("0.jsonl", "1.jsonl", "2.jsonl", "offsets.txt"); // moto's cleanup job runs nothing
        run.aws().close();
    }
}
