package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.EvaluateOnExit;
import io.jenkins.plugins.awsbatch.engine.batch.RetryAction;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryEvaluatorTest {

    @Test
    void globIsExactOrTrailingStarPrefixAndCaseInsensitive() {
        assertThat(RetryEvaluator.matches("13*", "137")).isTrue();
        assertThat(RetryEvaluator.matches("137", "13")).isFalse();
        assertThat(RetryEvaluator.matches("cannotpull*", "CannotPullContainerError: x"))
                .isTrue();
        assertThat(RetryEvaluator.matches("*", "anything")).isTrue();
        assertThat(RetryEvaluator.matches(null, "anything")).isTrue();
    }

    @Test
    void ruleMatchesOnlyWhenAllItsPatternsMatch() {
        RetryStrategy strategy =
                new RetryStrategy(3, List.of(new EvaluateOnExit("1", "Other*", null, RetryAction.EXIT)));
        assertThat(RetryEvaluator.shouldRetry(strategy, 1, 1, "Essential container in task exited", null))
                .isTrue();
    }

    @Test
    void withoutRetryStrategyNothingIsRetried() {
        assertThat(RetryEvaluator.shouldRetry(null, 1, 1, "x", null)).isFalse();
    }
}
