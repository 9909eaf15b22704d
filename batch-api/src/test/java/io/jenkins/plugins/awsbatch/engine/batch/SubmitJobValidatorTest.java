package io.jenkins.plugins.awsbatch.engine.batch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubmitJobValidatorTest {

    private static SubmitJobRequest.Builder ok() {
        return SubmitJobRequest.builder().jobName("run-score-0").jobQueue("q").jobDefinition("score:1");
    }

    private static void rejects(SubmitJobRequest.Builder b, String message) {
        assertThatThrownBy(() -> SubmitJobValidator.validate(b.build()))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining(message);
    }

    @Test
    void acceptsAwsLimitsAtTheirEdges() {
        RetryStrategy fiveRules =
                new RetryStrategy(10, Collections.nCopies(5, new EvaluateOnExit("13*", null, null, RetryAction.RETRY)));
        assertThatCode(() -> SubmitJobValidator.validate(ok().arraySize(2).build()))
                .doesNotThrowAnyException();
        assertThatCode(() -> SubmitJobValidator.validate(ok().arraySize(10_000)
                        .timeoutSeconds(60)
                        .retryStrategy(fiveRules)
                        .dependsOn(IntStream.range(0, 20)
                                .mapToObj(i -> JobDependency.on("j" + i))
                                .toList())
                        .build()))
                .doesNotThrowAnyException();
        assertThatCode(() -> SubmitJobValidator.validate(ok().arraySize(5)
                        .dependsOn(List.of(new JobDependency(null, DependencyType.SEQUENTIAL)))
                        .build()))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsWhatAwsWouldReject() {
        rejects(ok().arraySize(1), "between 2 and 10000");
        rejects(ok().arraySize(10_001), "between 2 and 10000");
        rejects(
                ok().dependsOn(IntStream.range(0, 21)
                        .mapToObj(i -> JobDependency.on("j" + i))
                        .toList()),
                "at most 20");
        rejects(ok().timeoutSeconds(59), "at least 60");
        rejects(ok().retryStrategy(RetryStrategy.attempts(0)), "between 1 and 10");
        rejects(ok().retryStrategy(RetryStrategy.attempts(11)), "between 1 and 10");
        rejects(
                ok().retryStrategy(new RetryStrategy(
                        2, Collections.nCopies(6, new EvaluateOnExit("1", null, null, RetryAction.EXIT)))),
                "at most 5");
        rejects(
                ok().retryStrategy(
                                new RetryStrategy(2, List.of(new EvaluateOnExit("1x", null, null, RetryAction.EXIT)))),
                "onExitCode");
        rejects(ok().retryStrategy(new RetryStrategy(2, List.of(new EvaluateOnExit("1", null, null, null)))), "action");
        rejects(ok().jobName("-bad"), "Job name");
        rejects(ok().jobName("x".repeat(129)), "Job name");
        rejects(ok().dependsOn(List.of(new JobDependency("a", DependencyType.N_TO_N))), "only valid for array jobs");
        rejects(
                ok().dependsOn(List.of(new JobDependency(null, DependencyType.SEQUENTIAL))),
                "only valid for array jobs");
        rejects(ok().arraySize(3).dependsOn(List.of(new JobDependency(null, DependencyType.N_TO_N))), "jobId");
        rejects(ok().schedulingPriorityOverride(10_000), "9999");
        rejects(ok().tags(Map.of("aws:x", "y")), "reserved");
        Map<String, String> many = new HashMap<>();
        IntStream.range(0, 51).forEach(i -> many.put("k" + i, "v"));
        rejects(ok().tags(many), "at most 50");
        rejects(ok().environment(Map.of("AWS_BATCH_JOB_ID", "x")), "reserved");
        rejects(ok().jobQueue(" "), "jobQueue");
    }
}
