package io.jenkins.plugins.awsbatch.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsBatchService;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchConfig;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphError;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidator;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.batch.BatchClient;

/**
 * Every AWS Batch limit of {@link BatchLimits} at its boundary values, through each path that checks it: the graph's
 * validation, the SDK service's {@link SubmitJobValidator} (also what {@code local-batch} applies) and the local
 * engine. They accept and refuse the same values, and the two Batch services with the same message.
 */
class BatchLimitsAgreementTest {
    @TempDir
    static Path temp;

    static LocalBatchService local;
    static String definition;
    /** A job that runs until the engine closes: accepted jobs depend on it, so none of them runs. */
    static String blocker;

    @BeforeAll
    static void start() {
        local = new LocalBatchService(
                LocalBatchConfig.defaults(temp.resolve("logs")).withSlots(1).withWorkingDirectory(temp));
        local.ensureJobQueue("q");
        definition = local.registerJobDefinition(JobDefinition.ofCommand("d", List.of("sh", "-c", "sleep 600")))
                .nameWithRevision();
        blocker = local.submitJob(request().build()).jobId();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static SubmitJobRequest.Builder request() {
        return SubmitJobRequest.builder().jobName("j").jobQueue("q").jobDefinition(definition);
    }

    /** A request that passes every limit, waiting on the blocker. */
    private static SubmitJobRequest.Builder waiting() {
        return request().dependsOn(List.of(JobDependency.on(blocker)));
    }

    @Test
    void arraySizeIsTwoToTenThousand() {
        services(b -> b.arraySize(2), null);
        services(b -> b.arraySize(10_000), null);
        services(b -> b.arraySize(1), "arrayProperties.size: Array job size must be between 2 and 10000, got 1");
        services(
                b -> b.arraySize(10_001),
                "arrayProperties.size: Array job size must be between 2 and 10000, got 10001");
    }

    @Test
    void aJobDependsOnAtMostTwentyJobs() {
        List<JobDependency> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(JobDependency.on(local.submitJob(waiting().build()).jobId()));
        }
        services(b -> b.dependsOn(twenty), null);
        List<JobDependency> twentyOne = new ArrayList<>(twenty);
        twentyOne.add(JobDependency.on(blocker));
        services(b -> b.dependsOn(twentyOne), "dependsOn: a job can depend on at most 20 jobs, got 21");

        assertThat(graph(stagesDependingOn(20))).isEmpty();
        assertThat(graph(stagesDependingOn(21)))
                .extracting(GraphError::problem)
                .containsExactly("a job can depend on at most 20 jobs, got 21");
    }

    @Test
    void describeJobsTakesAtMostOneHundredIds() {
        assertThat(local.describeJobs(Collections.nCopies(100, "unknown"))).isEmpty();
        String expected = "jobs: Maximum number of jobs supported is 100, got 101";
        assertThatThrownBy(() -> local.describeJobs(Collections.nCopies(101, "unknown")))
                .isInstanceOf(BatchClientException.class)
                .hasMessageStartingWith(expected);
        // Refused before any call: the endpoint is never reached.
        try (BatchClient client = BatchClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build()) {
            AwsBatchService aws = new AwsBatchService(client, TokenBucket.unlimited());
            assertThatThrownBy(() -> aws.describeJobs(Collections.nCopies(101, "unknown")))
                    .isInstanceOf(BatchClientException.class)
                    .hasMessageStartingWith(expected);
        }
    }

    @Test
    void attemptsAreOneToTen() {
        for (int ok : new int[] {1, 10}) {
            services(b -> b.retryStrategy(RetryStrategy.attempts(ok)), null);
            assertThat(graph(stage("retry: {attempts: " + ok + "}"))).isEmpty();
        }
        for (int bad : new int[] {0, 11}) {
            services(
                    b -> b.retryStrategy(RetryStrategy.attempts(bad)),
                    "retryStrategy.attempts: attempts must be between 1 and 10, got " + bad);
            assertThat(graph(stage("retry: {attempts: " + bad + "}")))
                    .extracting(GraphError::toString)
                    .containsExactly("stages[0].retry.attempts: attempts must be between 1 and 10, got " + bad
                            + ". Fix: set attempts to a number from 1 to 10");
        }
    }

    @Test
    void aRetryStrategyHasAtMostFiveRules() {
        EvaluateOnExit rule = new EvaluateOnExit("1", null, null, RetryAction.RETRY);
        services(b -> b.retryStrategy(new RetryStrategy(2, Collections.nCopies(5, rule))), null);
        services(
                b -> b.retryStrategy(new RetryStrategy(2, Collections.nCopies(6, rule))),
                "retryStrategy.evaluateOnExit: at most 5 rules are allowed, got 6");
        String five = String.join(", ", Collections.nCopies(5, "{onExitCode: '1', action: RETRY}"));
        assertThat(graph(stage("retry: {attempts: 2, evaluateOnExit: [" + five + "]}")))
                .isEmpty();
        assertThat(graph(stage("retry: {attempts: 2, evaluateOnExit: [" + five + ", " + five + "]}")))
                .extracting(GraphError::problem)
                .containsExactly("at most 5 rules are allowed, got 10");
    }

    @Test
    void exitCodePatternsAreDigitsWithAnOptionalTrailingStarUpTo512Characters() {
        for (String ok : List.of("*", "0", "13*", "1".repeat(512), "1".repeat(511) + "*")) {
            exitRule(ok, null, null);
        }
        for (String bad : List.of("", "1x", "*1", "1".repeat(513), "-1")) {
            exitRule(bad, null, "'" + bad + "' is not an exit-code pattern");
        }
    }

    @Test
    void reasonPatternsAreLettersDigitsPeriodsColonsAndWhiteSpaceUpTo512Characters() {
        for (String ok :
                List.of("", "*", "Host EC2*", "Essential container:\tx.y", "a".repeat(512), "a".repeat(511) + "*")) {
            exitRule("1", ok, null);
            exitRule(null, ok, null);
        }
        for (String bad : List.of("a_b", "pull-access*", "(x)", "a".repeat(513), "a*b")) {
            exitRule(null, bad, "'" + bad + "' is not a reason pattern");
        }
    }

    @Test
    void anAttemptLastsAtLeastSixtySeconds() {
        services(b -> b.timeoutSeconds(60), null);
        services(
                b -> b.timeoutSeconds(59),
                "timeout.attemptDurationSeconds: attemptDurationSeconds must be at least 60 seconds, got 59");
        assertThat(graph(stage("timeout: 60"))).isEmpty();
        assertThat(graph(stage("timeout: 59")))
                .extracting(GraphError::problem)
                .containsExactly("timeout must be at least 60 seconds, got 59");
    }

    @Test
    void jobNamesAreUpTo128LettersDigitsHyphensAndUnderscoresStartingWithALetterOrDigit() {
        for (String ok : List.of("a", "9_x-y", "a".repeat(128))) {
            services(b -> b.jobName(ok), null);
        }
        for (String bad : List.of("", "-a", "_a", "a.b", "a".repeat(129))) {
            services(b -> b.jobName(bad), "jobName: Job name should be up to 128 letters");
        }
    }

    @Test
    void aJobTakesAtMostFiftyTagsWithinTheirLengths() {
        services(b -> b.tags(tags(50)), null);
        services(b -> b.tags(tags(51)), "tags: A job takes at most 50 tags, got 51");
        services(b -> b.tags(Map.of("k".repeat(128), "v".repeat(256))), null);
        services(b -> b.tags(Map.of("k".repeat(129), "v")), "tags: Tag keys are 1-128 characters");
        services(b -> b.tags(Map.of("k", "v".repeat(257))), "tags: Tag keys are 1-128 characters");
        services(b -> b.tags(Map.of("aws:owner", "me")), "tags: Tag keys starting with 'aws:' are reserved");
        // The graph's own tags leave room for the engine's two.
        assertThat(graph(stage("tags: " + yamlMap(tags(48))))).isEmpty();
        assertThat(graph(stage("tags: " + yamlMap(tags(49)))))
                .extracting(GraphError::problem)
                .singleElement()
                .asString()
                .startsWith("A job takes at most 50 tags, got 51");
    }

    @Test
    void schedulingPriorityIsZeroTo9999() {
        services(b -> b.schedulingPriorityOverride(0), null);
        services(b -> b.schedulingPriorityOverride(9999), null);
        services(
                b -> b.schedulingPriorityOverride(10_000),
                "schedulingPriorityOverride: schedulingPriorityOverride must be between 0 and 9999, got 10000");
        services(
                b -> b.schedulingPriorityOverride(-1),
                "schedulingPriorityOverride: schedulingPriorityOverride must be between 0 and 9999, got -1");
        assertThat(graph(stage("schedulingPriority: 9999"))).isEmpty();
        assertThat(graph(stage("schedulingPriority: 10000")))
                .extracting(GraphError::problem)
                .containsExactly("schedulingPriority must be between 0 and 9999, got 10000");
    }

    /** One rule's patterns through all three paths; {@code problem} null: accepted. */
    private void exitRule(String exitCode, String reason, String problem) {
        EvaluateOnExit rule = new EvaluateOnExit(exitCode, null, reason, RetryAction.RETRY);
        String field = exitCode != null && problem != null && problem.contains("exit-code") ? "onExitCode" : "onReason";
        services(
                b -> b.retryStrategy(new RetryStrategy(2, List.of(rule))),
                problem == null ? null : "retryStrategy.evaluateOnExit[0]." + field + ": " + problem);
        String yaml = "retry: {attempts: 2, evaluateOnExit: [{"
                + (exitCode == null ? "" : "onExitCode: " + quoted(exitCode) + ", ")
                + (reason == null ? "" : "onReason: " + quoted(reason) + ", ") + "action: RETRY}]}";
        List<GraphError> errors = graph(stage(yaml));
        if (problem == null) {
            assertThat(errors).as(yaml).isEmpty();
        } else {
            assertThat(errors)
                    .as(yaml)
                    .extracting(GraphError::toString)
                    .containsExactly(
                            "stages[0].retry.evaluateOnExit[0]." + field + ": " + problem + ". Fix: " + errorFix(rule));
        }
    }

    private static String errorFix(EvaluateOnExit rule) {
        return BatchLimits.retryStrategy(new RetryStrategy(2, List.of(rule)), "r")
                .get(0)
                .fix();
    }

    /**
     * The request through SubmitJobValidator and the local engine: both accept it ({@code expected} null) or both
     * refuse it with the same message, starting with {@code expected}.
     */
    private static void services(UnaryOperator<SubmitJobRequest.Builder> change, String expected) {
        SubmitJobRequest r = change.apply(waiting()).build();
        if (expected == null) {
            assertThatCode(() -> SubmitJobValidator.validate(r)).doesNotThrowAnyException();
            assertThatCode(() -> local.submitJob(r)).doesNotThrowAnyException();
            return;
        }
        Throwable validator = catchThrowable(() -> SubmitJobValidator.validate(r));
        Throwable engine = catchThrowable(() -> local.submitJob(r));
        assertThat(validator).isInstanceOf(BatchClientException.class).hasMessageStartingWith(expected);
        assertThat(engine).isInstanceOf(BatchClientException.class).hasMessage(validator.getMessage());
    }

    private static Throwable catchThrowable(Runnable call) {
        return org.assertj.core.api.Assertions.catchThrowable(call::run);
    }

    private static List<GraphError> graph(String stagesYaml) {
        GraphSpec graph = new GraphBinder().parse("""
                name: g
                plan: {items: {list: [1, 2, 3]}}
                jobDefinitions: {d: {command: [sh, -c, 'true']}}
                stages:
                """ + stagesYaml, List.of());
        return new GraphValidator().validate(graph);
    }

    private static String stage(String fields) {
        return "  - {name: a, jobDefinition: d, " + fields + "}\n";
    }

    private static String stagesDependingOn(int count) {
        StringBuilder stages = new StringBuilder();
        for (int i = 0; i < count; i++) {
            stages.append("  - {name: s").append(i).append(", type: single, jobDefinition: d}\n");
        }
        String deps = IntStream.range(0, count).mapToObj(i -> "s" + i).collect(Collectors.joining(", "));
        return stages + "  - {name: last, type: single, jobDefinition: d, dependsOn: [" + deps + "]}\n";
    }

    private static Map<String, String> tags(int count) {
        Map<String, String> tags = new LinkedHashMap<>();
        IntStream.range(0, count).forEach(i -> tags.put("k" + i, "v"));
        return tags;
    }

    private static String yamlMap(Map<String, String> map) {
        return map.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\t", "\\t") + "\"";
    }
}
