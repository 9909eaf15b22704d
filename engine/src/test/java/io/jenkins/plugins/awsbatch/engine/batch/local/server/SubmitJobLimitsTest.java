package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertRefused("reserved-env", b -> b.containerOverrides(c -> c.environment(
                KeyValuePair.builder().name("AWS_BATCH_JOB_ID").value("forged").build())),
                "Environment variable names starting with AWS_BATCH are reserved: AWS_BATCH_JOB_ID");
    }

    @Test
    void moreThanFiftyTagsAreRefusedAndFiftyAreServed() {
        Map<String, String> fiftyOne = IntStream.range(0, 51).boxed()
                .collect(Collectors.toMap(i -> "k" + i, i -> "v"));
        assertRefused("many-tags", b -> b.tags(fiftyOne), "A job takes at most 50 tags, got 51");
        fiftyOne.remove("k0");
        String id = endpoint.batch.submitJob(r -> r.jobName("fifty-tags").jobQueue(Endpoint.QUEUE)
                .jobDefinition(definition).tags(fiftyOne)).jobId();
        assertThat(endpoint.awaitTerminal(id).statusAsString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void theValidatorsOtherRulesApplyToo() {
        assertRefused("aws-tag", b -> b.tags(Map.of("aws:owner", "me")), "Tag keys starting with 'aws:' are reserved");
        assertRefused("priority", b -> b.schedulingPriorityOverride(10_000), "between 0 and 9999");
        assertRefused("bad name!", b -> { }, "Job name should be up to 128 letters");
    }

    private static void assertRefused(String jobName, Consumer<SubmitJobRequest.Builder> spoil, String message) {
        long ranBefore = jobsThatRan();
        assertThatThrownBy(() -> endpoint.batch.submitJob(r -> {
            r.jobName(jobName).jobQueue(Endpoint.QUEUE).jobDefinition(definition);
            spoil.accept(r);
        })).isInstanceOfSatisfying(BatchException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClientException");
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
        });
        assertThat(endpoint.batch.listJobs(r -> r.jobQueue(Endpoint.QUEUE)
                .filters(f -> f.name("JOB_NAME").values(jobName))).jobSummaryList()).isEmpty();
        assertThat(jobsThatRan()).isEqualTo(ranBefore);
    }

    private static long jobsThatRan() {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("ran-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
