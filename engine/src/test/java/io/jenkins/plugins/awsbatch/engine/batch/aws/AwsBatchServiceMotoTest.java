package io.jenkins.plugins.awsbatch.engine.batch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.ConsumableResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.DependencyType;
import io.jenkins.plugins.awsbatch.engine.batch.EvaluateOnExit;
import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.ResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.RetryAction;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.batch.model.KeyValuePair;

/** AwsBatchService against moto's Batch: the exact request shapes moto stored, errors, listing, call counts. */
class AwsBatchServiceMotoTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void submitsArraysWithDependenciesOverridesAndTagsInTheShapesAwsExpects() throws Exception {
        String moto = MotoSupport.endpoint();
        CallCounter calls = new CallCounter();
        try (FaultInjectingProxy recorder = new FaultInjectingProxy(moto, 0);
                AwsClients aws = AwsClients.create(
                        MotoSupport.settings(recorder.endpoint()).build(), calls)) {
            BatchFixture fx = BatchFixture.create(aws.batch());
            AwsBatchService batch = aws.batchService();
            String run = MotoSupport.unique("run");

            SubmitJobResult score = batch.submitJob(SubmitJobRequest.builder()
                    .jobName(run + "-score-0")
                    .jobQueue(fx.queue())
                    .jobDefinition(fx.scoreDefinition())
                    .arraySize(4)
                    .command(List.of("python3", "score.py", "Ref::item"))
                    .environment(Map.of("BATCHGRAPH_RUN_ID", run, "BATCHGRAPH_INDEX_OFFSET", "0"))
                    .resourceRequirements(
                            List.of(new ResourceRequirement("VCPU", "2"), new ResourceRequirement("MEMORY", "4096")))
                    .parameters(Map.of("item", "all"))
                    .retryStrategy(new RetryStrategy(
                            3,
                            List.of(
                                    new EvaluateOnExit("137", null, null, RetryAction.RETRY),
                                    new EvaluateOnExit(null, "Host EC2*", null, RetryAction.RETRY),
                                    new EvaluateOnExit("*", null, null, RetryAction.EXIT))))
                    .timeoutSeconds(3600)
                    .tags(Map.of("batchgraph:run", run, "batchgraph:stage", "score"))
                    .propagateTags(true)
                    .shareIdentifier("teamA")
                    .schedulingPriorityOverride(5)
                    .consumableResources(List.of(new ConsumableResourceRequirement("partner-api", 1)))
                    .build());
            SubmitJobResult rank = batch.submitJob(SubmitJobRequest.builder()
                    .jobName(run + "-rank-0")
                    .jobQueue(fx.queue())
                    .jobDefinition(fx.rankDefinition())
                    .arraySize(4)
                    .dependsOn(List.of(new JobDependency(score.jobId(), DependencyType.N_TO_N)))
                    .tags(Map.of("batchgraph:run", run, "batchgraph:stage", "rank"))
                    .build());
            SubmitJobResult seq = batch.submitJob(SubmitJobRequest.builder()
                    .jobName(run + "-seq-0")
                    .jobQueue(fx.queue())
                    .jobDefinition(fx.rankDefinition())
                    .arraySize(3)
                    .dependsOn(List.of(new JobDependency(null, DependencyType.SEQUENTIAL)))
                    .build());
            SubmitJobResult merge = batch.submitJob(SubmitJobRequest.builder()
                    .jobName(run + "-merge-0")
                    .jobQueue(fx.queue())
                    .jobDefinition(fx.rankDefinition())
                    .dependsOn(List.of(JobDependency.on(rank.jobId()), JobDependency.on(seq.jobId())))
                    .build());
            assertThat(score.jobName()).isEqualTo(run + "-score-0");

            // What moto stored, through the raw SDK (timeout, overrides and parameters are not in JobDetail).
            var stored = aws
                    .batch()
                    .describeJobs(r -> r.jobs(score.jobId(), rank.jobId(), seq.jobId(), merge.jobId()))
                    .jobs()
                    .stream()
                    .collect(java.util.stream.Collectors.toMap(j -> j.jobName(), j -> j));
            var s = stored.get(run + "-score-0");
            assertThat(s.arrayProperties().size()).isEqualTo(4);
            assertThat(s.container().command()).containsExactly("python3", "score.py", "Ref::item");
            assertThat(s.container().environment())
                    .contains(
                            KeyValuePair.builder()
                                    .name("BATCHGRAPH_RUN_ID")
                                    .value(run)
                                    .build(),
                            KeyValuePair.builder()
                                    .name("BATCHGRAPH_INDEX_OFFSET")
                                    .value("0")
                                    .build(),
                            KeyValuePair.builder().name("MODEL").value("v1").build());
            assertThat(s.parameters()).containsEntry("item", "all");
            assertThat(s.timeout().attemptDurationSeconds()).isEqualTo(3600);
            assertThat(s.tags())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("batchgraph:run", run, "batchgraph:stage", "score"));
            var r = stored.get(run + "-rank-0");
            assertThat(r.dependsOn()).singleElement().satisfies(d -> {
                assertThat(d.jobId()).isEqualTo(score.jobId());
                assertThat(d.typeAsString()).isEqualTo("N_TO_N");
            });
            assertThat(r.container().command()).containsExactly("echo", "Ref::item");
            assertThat(stored.get(run + "-seq-0").dependsOn())
                    .singleElement()
                    .satisfies(d -> assertThat(d.typeAsString()).isEqualTo("SEQUENTIAL"));
            assertThat(stored.get(run + "-merge-0").dependsOn())
                    .extracting(d -> d.jobId())
                    .containsExactly(rank.jobId(), seq.jobId());
            assertThat(stored.get(run + "-merge-0").arrayProperties()).isNull();

            // The fields moto does not keep, from the request body it received.
            List<FaultInjectingProxy.Recorded> submits = recorder.forwarded("/v1/submitjob");
            assertThat(submits).hasSize(4);
            JsonNode body = JSON.readTree(submits.get(0).body());
            assertThat(body).isEqualTo(JSON.readTree("""
                    {"jobName": "%s-score-0", "jobQueue": "%s", "jobDefinition": "%s",
                     "shareIdentifier": "teamA", "schedulingPriorityOverride": 5,
                     "arrayProperties": {"size": 4},
                     "parameters": {"item": "all"},
                     "containerOverrides": {
                        "command": ["python3", "score.py", "Ref::item"],
                        "environment": [{"name": "BATCHGRAPH_INDEX_OFFSET", "value": "0"},
                                        {"name": "BATCHGRAPH_RUN_ID", "value": "%s"}],
                        "resourceRequirements": [{"value": "2", "type": "VCPU"}, {"value": "4096", "type": "MEMORY"}]},
                     "retryStrategy": {"attempts": 3, "evaluateOnExit": [
                        {"onExitCode": "137", "action": "RETRY"},
                        {"onStatusReason": "Host EC2*", "action": "RETRY"},
                        {"onExitCode": "*", "action": "EXIT"}]},
                     "propagateTags": true,
                     "timeout": {"attemptDurationSeconds": 3600},
                     "tags": {"batchgraph:run": "%s", "batchgraph:stage": "score"},
                     "consumableResourcePropertiesOverride": {"consumableResourceList": [
                        {"consumableResource": "partner-api", "quantity": 1}]}}
                    """.formatted(run, fx.queue(), fx.scoreDefinition(), run, run)));
            assertThat(JSON.readTree(submits.get(2).body()).get("dependsOn"))
                    .isEqualTo(JSON.readTree("[{\"type\": \"SEQUENTIAL\"}]"));

            // The engine view of the same jobs.
            List<JobDetail> details = batch.describeJobs(List.of(score.jobId(), rank.jobId(), merge.jobId()));
            JobDetail parent = details.stream()
                    .filter(d -> d.jobId().equals(score.jobId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(parent.isArrayParent()).isTrue();
            assertThat(parent.arraySize()).isEqualTo(4);
            assertThat(parent.statusSummary().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .isEqualTo(4);
            assertThat(parent.tags()).containsEntry("batchgraph:stage", "score");
            JobDetail rankDetail = details.stream()
                    .filter(d -> d.jobId().equals(rank.jobId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(rankDetail.dependsOn()).containsExactly(new JobDependency(score.jobId(), DependencyType.N_TO_N));

            // Children by array parent and status, and reconciliation by name.
            JobPage children = batch.listJobs(ListJobsRequest.children(score.jobId(), JobStatus.SUCCEEDED));
            assertThat(children.jobs()).extracting(j -> j.arrayIndex()).containsExactlyInAnyOrder(0, 1, 2, 3);
            assertThat(children.jobs())
                    .extracting(j -> j.jobId())
                    .allSatisfy(id -> assertThat(id).startsWith(score.jobId() + ":"));
            assertThat(batch.listJobs(ListJobsRequest.children(score.jobId(), JobStatus.FAILED))
                            .jobs())
                    .isEmpty();
            JobPage byName = batch.listJobs(new ListJobsRequest(fx.queue(), null, null, run + "-*", null, null));
            assertThat(byName.jobs())
                    .extracting(j -> j.jobName())
                    .containsExactlyInAnyOrder(run + "-score-0", run + "-rank-0", run + "-seq-0", run + "-merge-0");

            // Children are describable by id; logStreamName comes through.
            List<JobDetail> kids = batch.describeJobs(List.of(score.jobId() + ":0", score.jobId() + ":3"));
            assertThat(kids).extracting(JobDetail::arrayIndex).containsExactlyInAnyOrder(0, 3);
            assertThat(kids).allSatisfy(k -> assertThat(k.logStreamName()).isNotBlank());

            batch.cancelJob(merge.jobId(), "aborted by test");
            batch.terminateJob(score.jobId(), "aborted by test");
            assertThat(calls.get("SubmitJob")).isEqualTo(4);
            assertThat(calls.get("CancelJob")).isEqualTo(1);
            assertThat(calls.get("TerminateJob")).isEqualTo(1);
        }
    }

    @Test
    void awsErrorsBecomeBatchClientExceptionsAndInvalidRequestsCostNoCall() {
        CallCounter calls = new CallCounter();
        try (AwsClients aws = MotoSupport.clients(calls)) {
            BatchFixture fx = BatchFixture.create(aws.batch());
            AwsBatchService batch = aws.batchService();
            long before = calls.get("SubmitJob");

            assertThatThrownBy(() -> batch.submitJob(SubmitJobRequest.builder()
                            .jobName("x")
                            .jobQueue("no-such-queue")
                            .jobDefinition(fx.scoreDefinition())
                            .build()))
                    .isInstanceOf(BatchClientException.class)
                    .hasMessageContaining("no-such-queue");
            assertThat(calls.get("SubmitJob")).isEqualTo(before + 1);

            assertThatThrownBy(() -> batch.submitJob(SubmitJobRequest.builder()
                            .jobName("x")
                            .jobQueue(fx.queue())
                            .jobDefinition(fx.scoreDefinition())
                            .arraySize(1)
                            .build()))
                    .isInstanceOf(BatchClientException.class)
                    .hasMessageContaining("between 2 and 10000");
            assertThatThrownBy(() -> batch.describeJobs(
                            IntStream.range(0, 101).mapToObj(i -> "id-" + i).toList()))
                    .isInstanceOf(BatchClientException.class)
                    .hasMessageContaining("100");
            assertThat(calls.get("SubmitJob")).isEqualTo(before + 1);
            assertThat(calls.get("DescribeJobs")).isZero();
        }
    }

    @Test
    void onePollOfManyJobsCostsOneDescribeJobsPerHundredIds() {
        CallCounter calls = new CallCounter();
        try (AwsClients aws = MotoSupport.clients(calls)) {
            BatchFixture fx = BatchFixture.create(aws.batch());
            AwsBatchService batch = aws.batchService();
            String run = MotoSupport.unique("poll");
            List<String> ids = new ArrayList<>();
            for (int stage = 0; stage < 3; stage++) {
                String parent = batch.submitJob(SubmitJobRequest.builder()
                                .jobName(run + "-s" + stage + "-0")
                                .jobQueue(fx.queue())
                                .jobDefinition(fx.scoreDefinition())
                                .arraySize(100)
                                .build())
                        .jobId();
                ids.add(parent);
                for (int i = 0; i < 70; i++) {
                    ids.add(parent + ":" + i);
                }
            }
            assertThat(ids).hasSize(213);
            assertThat(calls.get("SubmitJob")).isEqualTo(3);

            List<JobDetail> all = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += 100) {
                all.addAll(batch.describeJobs(ids.subList(from, Math.min(ids.size(), from + 100))));
            }
            assertThat(all).hasSize(213);
            assertThat(calls.get("DescribeJobs")).isEqualTo(3);
            assertThat(all.stream().filter(JobDetail::isArrayParent))
                    .hasSize(3)
                    .allSatisfy(p -> assertThat(p.statusSummary()).containsEntry(JobStatus.SUCCEEDED, 100));
        }
    }
}
