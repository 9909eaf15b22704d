package io.jenkins.plugins.awsbatch.engine.graph;

import io.jenkins.plugins.awsbatch.engine.batch.EvaluateOnExit;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import java.util.List;

/** {@code retry: {attempts, evaluateOnExit}}; maps one to one onto Batch's retryStrategy. */
public record RetrySpec(Integer attempts, List<ExitRule> evaluateOnExit) {
    public RetrySpec {
        evaluateOnExit = evaluateOnExit == null ? List.of() : List.copyOf(evaluateOnExit);
    }

    public RetryStrategy toStrategy() {
        return new RetryStrategy(
                attempts == null ? 1 : attempts,
                evaluateOnExit.stream()
                        .map(r -> new EvaluateOnExit(r.onExitCode(), r.onStatusReason(), r.onReason(), r.action()))
                        .toList());
    }
}
