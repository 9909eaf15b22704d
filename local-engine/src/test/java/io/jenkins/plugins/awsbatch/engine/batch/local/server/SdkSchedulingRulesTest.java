package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.model.ClientException;
import software.amazon.awssdk.services.batch.model.EvaluateOnExit;
import software.amazon.awssdk.services.batch.model.JobDependency;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobStatus;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.batch.model.RetryAction;

/** AWS Batch's scheduling rules, driven through the real AWS SDK v2 BatchClient against the local endpoint. */
class SdkSchedulingRulesTest {
    @TempDir
    static Path dir;

    static Endpoint endpoint;

    @BeforeAll
    static void start() throws Exception {
        endpoint = Endpoint.start(dir);
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    private String submit(String name, String definition) {
        return endpoint.batch
                .submitJob(r -> r.jobName(name).jobQueue(Endpoint.QUEUE).jobDefinition(definition))
                .jobId();
    }

    @Test
    void aFailedDependencyFailsTheChainBelowItWithoutRunningIt() {
        String fails = endpoint.registerShell("cascade-fail", "exit 3");
        String ok = endpoint.registerShell("cascade-ok", "true");
        String a = submit("cascade-a", fails);
        String b = endpoint.batch
                .submitJob(r -> r.jobName("cascade-b")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(ok)
                        .dependsOn(JobDependency.builder().jobId(a).build()))
                .jobId();
        String c = endpoint.batch
                .submitJob(r -> r.jobName("cascade-c")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(ok)
                        .dependsOn(JobDependency.builder().jobId(b).build()))
                .jobId();

        JobDetail failed = endpoint.awaitTerminal(a);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.statusReason()).isEqualTo("Essential container in task exited");
        assertThat(failed.container().exitCode()).isEqualTo(3);
        assertThat(failed.attempts()).hasSize(1);
        assertThat(failed.createdAt()).isLessThanOrEqualTo(failed.startedAt());
        assertThat(failed.startedAt()).isLessThanOrEqualTo(failed.stoppedAt());
        for (String dependent : List.of(b, c)) {
            JobDetail job = endpoint.awaitTerminal(dependent);
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.statusReason()).isEqualTo("Dependent Job failed");
            assertThat(job.attempts()).isEmpty();
            assertThat(job.startedAt()).isNull();
        }
        assertThat(endpoint.describe(b).dependsOn())
                .extracting(JobDependency::jobId)
                .containsExactly(a);
    }

    @Test
    void nToNPairsChildrenAndOnlyTheFailedChildsPartnerFails() {
        String first = endpoint.registerShell("nton-a", "test \"$AWS_BATCH_JOB_ARRAY_INDEX\" != 1");
        String second = endpoint.registerShell("nton-b", "true");
        String a = endpoint.batch
                .submitJob(r -> r.jobName("nton-a")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(first)
                        .arrayProperties(p -> p.size(3)))
                .jobId();
        String b = endpoint.batch
                .submitJob(r -> r.jobName("nton-b")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(second)
                        .arrayProperties(p -> p.size(3))
                        .dependsOn(
                                JobDependency.builder().jobId(a).type("N_TO_N").build()))
                .jobId();

        JobDetail parentA = endpoint.awaitTerminal(a);
        JobDetail parentB = endpoint.awaitTerminal(b);
        assertThat(parentA.status()).isEqualTo(JobStatus.FAILED);
        assertThat(parentA.statusReason()).isEqualTo("Array Child Job failed");
        assertThat(parentB.status()).isEqualTo(JobStatus.FAILED);
        assertThat(parentB.arrayProperties().size()).isEqualTo(3);
        assertThat(parentB.arrayProperties().statusSummary())
                .containsOnlyKeys("SUBMITTED", "PENDING", "RUNNABLE", "STARTING", "RUNNING", "SUCCEEDED", "FAILED")
                .containsEntry("SUCCEEDED", 2)
                .containsEntry("FAILED", 1);
        JobDetail b0 = endpoint.describe(b + ":0");
        JobDetail b1 = endpoint.describe(b + ":1");
        JobDetail b2 = endpoint.describe(b + ":2");
        assertThat(b0.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(b2.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(b1.status()).isEqualTo(JobStatus.FAILED);
        assertThat(b1.statusReason()).isEqualTo("Dependent Job failed");
        assertThat(b1.attempts()).isEmpty();
        assertThat(b1.arrayProperties().index()).isEqualTo(1);
    }

    @Test
    void sequentialChildrenRunInIndexOrderAndStopAtTheFirstFailure() {
        String definition = endpoint.registerShell(
                "seq",
                "echo $AWS_BATCH_JOB_ARRAY_INDEX >> seq.log; sleep 0.05; test \"$AWS_BATCH_JOB_ARRAY_INDEX\" != 2");
        String parent = endpoint.batch
                .submitJob(r -> r.jobName("seq")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(definition)
                        .arrayProperties(p -> p.size(4))
                        .dependsOn(JobDependency.builder().type("SEQUENTIAL").build()))
                .jobId();

        assertThat(endpoint.awaitTerminal(parent).status()).isEqualTo(JobStatus.FAILED);
        List<JobDetail> children = endpoint.batch
                .describeJobs(r -> r.jobs(parent + ":0", parent + ":1", parent + ":2", parent + ":3"))
                .jobs();
        assertThat(children)
                .extracting(JobDetail::status)
                .containsExactly(JobStatus.SUCCEEDED, JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.FAILED);
        assertThat(children.get(1).startedAt())
                .isGreaterThanOrEqualTo(children.get(0).stoppedAt());
        assertThat(children.get(2).startedAt())
                .isGreaterThanOrEqualTo(children.get(1).stoppedAt());
        assertThat(children.get(3).attempts()).isEmpty();
        assertThat(read(dir.resolve("seq.log"))).isEqualTo("0\n1\n2\n");
    }

    @Test
    void retriesFollowEvaluateOnExitAndTheFirstMatchingRuleWins() {
        String definition =
                endpoint.registerShell("retry", "echo $AWS_BATCH_JOB_ATTEMPT >> \"retry-$CODE.log\"; exit $CODE");
        var strategy = software.amazon.awssdk.services.batch.model.RetryStrategy.builder()
                .attempts(3)
                .evaluateOnExit(
                        EvaluateOnExit.builder()
                                .onExitCode("7")
                                .action(RetryAction.EXIT)
                                .build(),
                        EvaluateOnExit.builder().onExitCode("*").action("retry").build())
                .build();
        String retried = endpoint.batch
                .submitJob(r -> r.jobName("retry-5")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(definition)
                        .retryStrategy(strategy)
                        .containerOverrides(c -> c.environment(
                                KeyValuePair.builder().name("CODE").value("5").build())))
                .jobId();
        String exited = endpoint.batch
                .submitJob(r -> r.jobName("retry-7")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(definition)
                        .retryStrategy(strategy)
                        .containerOverrides(c -> c.environment(
                                KeyValuePair.builder().name("CODE").value("7").build())))
                .jobId();

        JobDetail many = endpoint.awaitTerminal(retried);
        assertThat(many.status()).isEqualTo(JobStatus.FAILED);
        assertThat(many.attempts())
                .hasSize(3)
                .allSatisfy(a -> assertThat(a.container().exitCode()).isEqualTo(5));
        assertThat(read(dir.resolve("retry-5.log"))).isEqualTo("1\n2\n3\n");
        JobDetail once = endpoint.awaitTerminal(exited);
        assertThat(once.attempts()).hasSize(1);
        assertThat(once.container().exitCode()).isEqualTo(7);

        assertThatThrownBy(() -> endpoint.batch.submitJob(r -> r.jobName("retry-bad")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(definition)
                        .retryStrategy(s -> s.attempts(11))))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("attempts must be between 1 and 10");
    }

    @Test
    void aTimedOutAttemptFailsAndIsNotRetried() {
        String definition = endpoint.registerShell("slow", "sleep 30");
        String job = endpoint.batch
                .submitJob(r -> r.jobName("slow")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(definition)
                        .timeout(t -> t.attemptDurationSeconds(60))
                        .retryStrategy(s -> s.attempts(3)))
                .jobId();

        JobDetail timedOut = endpoint.awaitTerminal(job);
        assertThat(timedOut.status()).isEqualTo(JobStatus.FAILED);
        assertThat(timedOut.statusReason()).isEqualTo("Job attempt duration exceeded timeout");
        assertThat(timedOut.attempts()).hasSize(1);

        assertThatThrownBy(() -> endpoint.batch.submitJob(r -> r.jobName("short")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(definition)
                        .timeout(t -> t.attemptDurationSeconds(59))))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("attemptDurationSeconds must be at least 60")
                .satisfies(e -> assertThat(((ClientException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void cancelStopsOnlyWaitingJobsTerminateStopsRunningOnes() {
        String sleeper = endpoint.registerShell("sleeper", "sleep 30");
        String running = submit("running", sleeper);
        endpoint.awaitStatus(running, s -> s == JobStatus.RUNNING);
        String waiting = endpoint.batch
                .submitJob(r -> r.jobName("waiting")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(sleeper)
                        .dependsOn(JobDependency.builder().jobId(running).build()))
                .jobId();
        assertThat(endpoint.describe(waiting).status()).isEqualTo(JobStatus.PENDING);

        endpoint.batch.cancelJob(r -> r.jobId(running).reason("cancel a running job"));
        endpoint.batch.cancelJob(r -> r.jobId(waiting).reason("not needed"));
        JobDetail cancelled = endpoint.awaitTerminal(waiting);
        assertThat(cancelled.status()).isEqualTo(JobStatus.FAILED);
        assertThat(cancelled.statusReason()).isEqualTo("not needed");
        assertThat(cancelled.isCancelled()).isTrue();
        assertThat(cancelled.attempts()).isEmpty();
        assertThat(endpoint.describe(running).status()).isEqualTo(JobStatus.RUNNING);

        endpoint.batch.terminateJob(r -> r.jobId(running).reason("stop now"));
        JobDetail terminated = endpoint.awaitTerminal(running);
        assertThat(terminated.status()).isEqualTo(JobStatus.FAILED);
        assertThat(terminated.statusReason()).isEqualTo("stop now");
        assertThat(terminated.isTerminated()).isTrue();
        assertThat(terminated.attempts()).hasSize(1);

        assertThatThrownBy(() ->
                        endpoint.batch.terminateJob(r -> r.jobId("no-such-job").reason("x")))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("no-such-job");
    }

    @Test
    void processesGetBatchsVariablesTheDefinitionsEnvironmentAndTheOverrides() {
        String definition = endpoint.register(
                "env",
                List.of(
                        "sh",
                        "-c",
                        "env > \"env-$AWS_BATCH_JOB_ARRAY_INDEX.txt\"; echo \"$1\" > \"arg-$AWS_BATCH_JOB_ARRAY_INDEX.txt\"",
                        "sh",
                        "Ref::item"),
                Map.of("MODEL", "v1", "KEEP", "kept"));
        String parent = endpoint.batch
                .submitJob(r -> r.jobName("env")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(definition)
                        .arrayProperties(p -> p.size(2))
                        .parameters(Map.of("item", "from-submit"))
                        .containerOverrides(c -> c.environment(
                                KeyValuePair.builder().name("MODEL").value("v2").build(),
                                KeyValuePair.builder().name("EXTRA").value("x").build())))
                .jobId();

        assertThat(endpoint.awaitTerminal(parent).status()).isEqualTo(JobStatus.SUCCEEDED);
        Map<String, String> env = parseEnv(read(dir.resolve("env-1.txt")));
        assertThat(env)
                .containsEntry("AWS_BATCH_JOB_ID", parent + ":1")
                .containsEntry("AWS_BATCH_JOB_ARRAY_INDEX", "1")
                .containsEntry("AWS_BATCH_JOB_ARRAY_SIZE", "2")
                .containsEntry("AWS_BATCH_JOB_ATTEMPT", "1")
                .containsEntry("AWS_BATCH_JQ_NAME", Endpoint.QUEUE)
                .containsEntry("AWS_BATCH_CE_NAME", Endpoint.COMPUTE_ENVIRONMENT)
                .containsEntry("MODEL", "v2")
                .containsEntry("KEEP", "kept")
                .containsEntry("EXTRA", "x");
        assertThat(read(dir.resolve("arg-0.txt"))).isEqualTo("from-submit\n");
    }

    @Test
    void listJobsPagesAndFilters() {
        String ok = endpoint.registerShell("listed", "true");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            ids.add(endpoint.batch
                    .submitJob(r -> r.jobName("page-early-" + n)
                            .jobQueue(Endpoint.QUEUE)
                            .jobDefinition(ok))
                    .jobId());
        }
        ids.forEach(endpoint::awaitTerminal);
        long between = endpoint.describe(ids.get(2)).createdAt() + 1;
        Endpoint.sleep(5);
        for (int i = 0; i < 2; i++) {
            int n = i;
            ids.add(endpoint.batch
                    .submitJob(r ->
                            r.jobName("page-late-" + n).jobQueue(Endpoint.QUEUE).jobDefinition(ok))
                    .jobId());
        }
        ids.forEach(endpoint::awaitTerminal);

        // JOB_NAME prefix filter, two per page, every status
        List<String> seen = new java.util.ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            var page = endpoint.batch.listJobs(r -> r.jobQueue(Endpoint.QUEUE)
                    .maxResults(2)
                    .nextToken(current)
                    .filters(f -> f.name("JOB_NAME").values("PAGE-*")));
            assertThat(page.jobSummaryList().size()).isLessThanOrEqualTo(2);
            page.jobSummaryList().forEach(s -> seen.add(s.jobId()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(pages).isEqualTo(3);

        // the SDK's paginator follows nextToken the same way
        assertThat(endpoint
                        .batch
                        .listJobsPaginator(r -> r.jobQueue(Endpoint.QUEUE)
                                .maxResults(1)
                                .filters(f -> f.name("JOB_NAME").values("page-late-*")))
                        .jobSummaryList()
                        .stream()
                        .count())
                .isEqualTo(2);

        var after = endpoint.batch.listJobs(r -> r.jobQueue(Endpoint.QUEUE)
                .filters(f -> f.name("AFTER_CREATED_AT").values(Long.toString(between))));
        assertThat(after.jobSummaryList())
                .extracting(s -> s.jobName())
                .containsExactlyInAnyOrder("page-late-0", "page-late-1");
        var before = endpoint.batch.listJobs(r -> r.jobQueue(Endpoint.QUEUE)
                .filters(f -> f.name("BEFORE_CREATED_AT").values(Long.toString(between))));
        assertThat(before.jobSummaryList())
                .extracting(s -> s.jobName())
                .contains("page-early-0", "page-early-1", "page-early-2")
                .doesNotContain("page-late-0", "page-late-1");
        var bothFiltersPaged = endpoint.batch.listJobs(r -> r.jobQueue(Endpoint.QUEUE)
                .maxResults(1)
                .filters(
                        f -> f.name("JOB_NAME").values("page-*"),
                        f -> f.name("AFTER_CREATED_AT").values(Long.toString(between))));
        assertThat(bothFiltersPaged.jobSummaryList()).hasSize(1);
        assertThat(bothFiltersPaged.nextToken()).isNotNull();

        var succeeded = endpoint.batch.listJobs(r -> r.jobQueue(Endpoint.QUEUE).jobStatus(JobStatus.SUCCEEDED));
        assertThat(succeeded.jobSummaryList()).extracting(s -> s.jobId()).containsAll(ids);
        assertThat(succeeded.jobSummaryList()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(s.jobArn()).endsWith(":job/" + s.jobId());
            assertThat(s.container().exitCode()).isZero();
        });

        assertThatThrownBy(() ->
                        endpoint.batch.listJobs(r -> r.jobQueue(Endpoint.QUEUE).nextToken("garbage!")))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("Invalid nextToken");
        assertThatThrownBy(() -> endpoint.batch.listJobs(r -> r.jobQueue("nope")))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("JobQueue nope not found.");
    }

    @Test
    void listJobsByArrayParentAndStatusFindsTheFailedChildren() {
        String definition = endpoint.registerShell("children", "test $((AWS_BATCH_JOB_ARRAY_INDEX % 3)) != 0");
        String parent = endpoint.batch
                .submitJob(r -> r.jobName("children")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(definition)
                        .arrayProperties(p -> p.size(7)))
                .jobId();
        endpoint.awaitTerminal(parent);

        var failed = endpoint.batch.listJobs(r -> r.arrayJobId(parent).jobStatus(JobStatus.FAILED));
        assertThat(failed.jobSummaryList())
                .extracting(s -> s.arrayProperties().index())
                .containsExactly(0, 3, 6);
        assertThat(failed.jobSummaryList()).allSatisfy(s -> {
            assertThat(s.jobId()).startsWith(parent + ":");
            assertThat(s.container().exitCode()).isEqualTo(1);
        });
    }

    @Test
    void adminOperationsAndTagsUseAwsShapes() {
        var environments = endpoint.batch
                .describeComputeEnvironments(r -> r.computeEnvironments("ce"))
                .computeEnvironments();
        assertThat(environments).singleElement().satisfies(ce -> {
            assertThat(ce.computeEnvironmentArn())
                    .isEqualTo("arn:aws:batch:us-east-1:000000000000:compute-environment/ce");
            assertThat(ce.stateAsString()).isEqualTo("ENABLED");
            assertThat(ce.statusAsString()).isEqualTo("VALID");
        });
        var queue = endpoint.batch
                .describeJobQueues(r -> r.jobQueues(Endpoint.QUEUE))
                .jobQueues()
                .get(0);
        assertThat(queue.priority()).isEqualTo(1);
        assertThat(queue.computeEnvironmentOrder())
                .singleElement()
                .satisfies(o -> assertThat(o.computeEnvironment())
                        .isEqualTo(environments.get(0).computeEnvironmentArn()));
        assertThatThrownBy(() -> endpoint.batch.createJobQueue(r -> r.jobQueueName("q2")
                        .priority(1)
                        .computeEnvironmentOrder(o -> o.order(1).computeEnvironment("missing"))))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("ComputeEnvironment missing not found.");

        String first = endpoint.registerShell("versions", "true");
        String second = endpoint.registerShell("versions", "false");
        assertThat(first).isEqualTo("versions:1");
        assertThat(second).isEqualTo("versions:2");
        var definitions = endpoint.batch
                .describeJobDefinitions(r -> r.jobDefinitionName("versions"))
                .jobDefinitions();
        assertThat(definitions).extracting(d -> d.revision()).containsExactlyInAnyOrder(1, 2);
        assertThat(definitions).allSatisfy(d -> {
            assertThat(d.containerProperties().image()).isEqualTo("busybox:latest");
            assertThat(d.type()).isEqualTo("container");
        });
        endpoint.batch.deregisterJobDefinition(r -> r.jobDefinition("versions:2"));
        assertThat(endpoint.batch
                        .describeJobDefinitions(r -> r.jobDefinitions("versions:2"))
                        .jobDefinitions())
                .singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo("INACTIVE"));
        assertThat(endpoint.batch
                        .describeJobDefinitions(
                                r -> r.jobDefinitionName("versions").status("ACTIVE"))
                        .jobDefinitions())
                .extracting(d -> d.revision())
                .containsExactly(1);
        assertThatThrownBy(() -> submit("gone", "versions:2"))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("JobDefinition versions:2 not found.");

        var submitted = endpoint.batch.submitJob(r -> r.jobName("tagged")
                .jobQueue(Endpoint.QUEUE)
                .jobDefinition("versions")
                .tags(Map.of("batchgraph:run", "r1")));
        endpoint.batch.tagResource(r -> r.resourceArn(submitted.jobArn()).tags(Map.of("team", "data", "x", "y")));
        assertThat(endpoint.batch
                        .listTagsForResource(r -> r.resourceArn(submitted.jobArn()))
                        .tags())
                .containsExactlyInAnyOrderEntriesOf(Map.of("batchgraph:run", "r1", "team", "data", "x", "y"));
        endpoint.batch.untagResource(r -> r.resourceArn(submitted.jobArn()).tagKeys("x", "team"));
        assertThat(endpoint.batch
                        .listTagsForResource(r -> r.resourceArn(submitted.jobArn()))
                        .tags())
                .isEqualTo(Map.of("batchgraph:run", "r1"));
        JobDetail tagged = endpoint.describe(submitted.jobId());
        assertThat(tagged.tags()).containsEntry("batchgraph:run", "r1");
        assertThat(tagged.jobQueue()).isEqualTo(queue.jobQueueArn());
        assertThat(tagged.jobDefinition()).endsWith(":job-definition/versions:1");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> parseEnv(String text) {
        Map<String, String> env = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }
}
