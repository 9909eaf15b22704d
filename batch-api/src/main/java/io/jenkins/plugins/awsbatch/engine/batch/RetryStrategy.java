package io.jenkins.plugins.awsbatch.engine.batch;

import java.util.List;

/** SubmitJob's {@code retryStrategy}: 1..10 attempts, up to 5 exit rules. */
public record RetryStrategy(int attempts, List<EvaluateOnExit> evaluateOnExit) {
    public RetryStrategy {
        evaluateOnExit = evaluateOnExit == null ? List.of() : List.copyOf(evaluateOnExit);
    }

    public static RetryStrategy attempts(int attempts) {
        return new RetryStrategy(attempts, List.of());
    }
}
