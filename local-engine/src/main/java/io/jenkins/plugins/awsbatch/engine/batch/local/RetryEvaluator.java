package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import io.jenkins.plugins.awsbatch.engine.batch.EvaluateOnExit;
import io.jenkins.plugins.awsbatch.engine.batch.RetryAction;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import java.util.Locale;

/**
 * Decides whether a failed attempt is retried: attempts left, then the first {@code evaluateOnExit} rule whose
 * globs all match decides; no matching rule means retry (AWS's rule).
 */
final class RetryEvaluator {
    private RetryEvaluator() {}

    /** Throws ClientException when the strategy breaks AWS's limits ({@link BatchLimits}). */
    static void validate(RetryStrategy strategy) {
        BatchLimits.require(BatchLimits.firstOf(BatchLimits.retryStrategy(strategy, "retryStrategy")));
    }

    /**
     * @param attemptsMade attempts run so far, the failed one included
     */
    static boolean shouldRetry(
            RetryStrategy strategy, int attemptsMade, Integer exitCode, String statusReason, String reason) {
        int allowed = strategy == null ? 1 : strategy.attempts();
        if (attemptsMade >= allowed) {
            return false;
        }
        for (EvaluateOnExit rule : strategy.evaluateOnExit()) {
            if (matches(rule.onExitCode(), exitCode == null ? null : exitCode.toString())
                    && matches(rule.onStatusReason(), statusReason)
                    && matches(rule.onReason(), reason)) {
                return rule.action() == RetryAction.RETRY;
            }
        }
        return true;
    }

    /** A null glob matches anything; otherwise exact or trailing-{@code *} prefix, case-insensitive. */
    static boolean matches(String glob, String value) {
        if (glob == null) {
            return true;
        }
        String v = value == null ? "" : value.toLowerCase(Locale.ROOT);
        String g = glob.toLowerCase(Locale.ROOT);
        if (g.endsWith("*")) {
            return v.startsWith(g.substring(0, g.length() - 1));
        }
        return v.equals(g);
    }
}
