package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import io.jenkins.plugins.awsbatch.engine.batch.EvaluateOnExit;
import io.jenkins.plugins.awsbatch.engine.batch.RetryAction;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.model.BatchException;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.batch.model.SubmitJobRequest;

/**
 * SubmitJob refuses what AWS Batch refuses, with the rules the engine checks before it calls AWS: a 400
 * ClientException naming the problem, and no job.
 */
class SubmitJobLimitsTest {
    @TempDir
    static Path dir;

    static Endpoint endpoint;
    static String definition;

    @BeforeAll
    static void start() throws Exception {
        endpoint = Endpoint.start(dir);
        definition = endpoint.registerShell("marker", "echo ran >> ran-$AWS_BATCH_JOB_ID");
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @Test
    void anAwsBatchNameInTheEnvironmentOverridesIsRefused() {
        assertRefused(
                "reserved-env",
                b -> b.containerOverrides(c -> c.environment(KeyValuePair.builder()
                        .name("AWS_BATCH_JOB_ID")
                        .value("forged")
                        .build())),
                "Environment variable names starting with AWS_BATCH are reserved: AWS_BATCH_JOB_ID");
    }

    @Test
    void moreThanFiftyTagsAreRefusedAndFiftyAreServed() {
        Map<String, String> fiftyOne = IntStream.range(0, 51).boxed().collect(Collectors.toMap(i -> "k" + i, i -> "v"));
        assertRefused("many-tags", b -> b.tags(fiftyOne), "A job takes at most 50 tags, got 51");
        fiftyOne.remove("k0");
        String id = endpoint.batch
                .submitJob(r -> r.jobName("fifty-tags")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(definition)
                        .tags(fiftyOne))
                .jobId();
        assertThat(endpoint.awaitTerminal(id).statusAsString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void theValidatorsOtherRulesApplyToo() {
        assertRefused("aws-tag", b -> b.tags(Map.of("aws:owner", "me")), "Tag keys starting with 'aws:' are reserved");
        assertRefused("priority", b -> b.schedulingPriorityOverride(10_000), "between 0 and 9999");
        assertRefused("bad name!", b -> {}, "Job name should be up to 128 letters");
    }

    private static void assertRefused(String jobName, Consumer<SubmitJobRequest.Builder> spoil, String message) {
        long ranBefore = jobsThatRan();
        assertThatThrownBy(() -> endpoint.batch.submitJob(r -> {
                    r.jobName(jobName).jobQueue(Endpoint.QUEUE).jobDefinition(definition);
                    spoil.accept(r);
                }))
                .isInstanceOfSatisfying(BatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClientException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains(message);
                });
        assertThat(endpoint.batch
                        .listJobs(r -> r.jobQueue(Endpoint.QUEUE)
                                .filters(f -> f.name("JOB_NAME").values(jobName)))
                        .jobSummaryList())
                .isEmpty();
        assertThat(jobsThatRan()).isEqualTo(ranBefore);
    }

    private static long jobsThatRan() {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("ran-"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exactly the message of {@link BatchLimits}, the one the engine gives before calling AWS. */
    @Test
    void eachLimitIsRefusedWithTheSharedMessageAndItsBoundaryServed() {
        var sixRules = Collections.nCopies(
                6,
                software.amazon.awssdk.services.batch.model.EvaluateOnExit.builder()
                        .onExitCode("1")
                        .action("RETRY")
                        .build());
        limit(b -> b.arrayProperties(a -> a.size(10_001)), BatchLimits.arraySize(10_001, "arrayProperties.size"));
        limit(
                b -> b.timeout(t -> t.attemptDurationSeconds(59)),
                BatchLimits.timeout(59, "timeout.attemptDurationSeconds"));
        limit(b -> b.retryStrategy(r -> r.attempts(11)), retry(RetryStrategy.attempts(11)));
        limit(
                b -> b.retryStrategy(r ->
                        r.attempts(2).evaluateOnExit(e -> e.onExitCode("1x").action("RETRY"))),
                retry(new RetryStrategy(2, List.of(new EvaluateOnExit("1x", null, null, RetryAction.RETRY)))));
        limit(
                b -> b.retryStrategy(r -> r.attempts(2).evaluateOnExit(sixRules)),
                retry(new RetryStrategy(
                        2, Collections.nCopies(6, new EvaluateOnExit("1", null, null, RetryAction.RETRY)))));
        limit(b -> b.tags(Map.of("aws:owner", "me")), BatchLimits.tags(Map.of("aws:owner", "me"), "tags"));
        limit(
                b -> b.jobName("-starts-with-a-hyphen"),
                BatchLimits.name("-starts-with-a-hyphen", "Job name", "jobName"));

        String boundary = endpoint.batch
                .submitJob(r -> r.jobName("boundary")
                        .jobQueue(Endpoint.QUEUE)
                        .jobDefinition(definition)
                        .timeout(t -> t.attemptDurationSeconds(60))
                        .retryStrategy(s -> s.attempts(10)
                                .evaluateOnExit(Collections.nCopies(
                                        5,
                                        software.amazon.awssdk.services.batch.model.EvaluateOnExit.builder()
                                                .onExitCode("1".repeat(512))
                                                .action("RETRY")
                                                .build()))))
                .jobId();
        assertThat(endpoint.awaitTerminal(boundary).statusAsString()).isEqualTo("SUCCEEDED");
    }

    private static BatchLimits.Violation retry(RetryStrategy strategy) {
        return BatchLimits.firstOf(BatchLimits.retryStrategy(strategy, "retryStrategy"));
    }

    /** Refused as {@link #assertRefused}, with exactly the violation's message. */
    private static void limit(Consumer<SubmitJobRequest.Builder> spoil, BatchLimits.Violation expected) {
        assertThat(expected).isNotNull();
        assertRefused("refused", spoil, expected.message());
    }
}
