package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.EvaluateOnExit;
import io.jenkins.plugins.awsbatch.engine.batch.RetryAction;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a failed attempt is retried: attempts left, then the first {@code evaluateOnExit} rule whose
 * globs all match decides; no matching rule means retry (AWS's rule).
 */
final class RetryEvaluator {
    static final int MAX_ATTEMPTS = 10;
    static final int MAX_RULES = 5;
    private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9.: ]*\\*?");

    private RetryEvaluator() {
    }

    /** Throws ClientException when the strategy breaks AWS's limits. */
    static void validate(RetryStrategy strategy) {
        if (strategy == null) {
            return;
        }
        if (strategy.attempts() < 1 || strategy.attempts() > MAX_ATTEMPTS) {
            throw ClientErrors.retryAttempts(strategy.attempts());
        }
        if (strategy.evaluateOnExit().size() > MAX_RULES) {
            throw ClientErrors.tooManyExitRules(strategy.evaluateOnExit().size());
        }
        for (EvaluateOnExit rule : strategy.evaluateOnExit()) {
            checkGlob("onExitCode", rule.onExitCode());
            checkGlob("onStatusReason", rule.onStatusReason());
            checkGlob("onReason", rule.onReason());
            if (rule.action() == null) {
                throw ClientErrors.missing("evaluateOnExit action");
            }
        }
    }

    private static void checkGlob(String field, String glob) {
        if (glob != null && !GLOB.matcher(glob).matches()) {
            throw ClientErrors.badExitRule(field, glob);
        }
    }

    /**
     * @param attemptsMade attempts run so far, the failed one included
     */
    static boolean shouldRetry(RetryStrategy strategy, int attemptsMade, Integer exitCode, String statusReason,
                               String reason) {
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
