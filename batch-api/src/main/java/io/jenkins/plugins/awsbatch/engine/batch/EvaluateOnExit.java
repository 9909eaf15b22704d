package io.jenkins.plugins.awsbatch.engine.batch;

/**
 * One {@code retryStrategy.evaluateOnExit} rule. Patterns are AWS globs: letters, digits, and a
 * trailing {@code *}; matching is case-insensitive.
 */
public record EvaluateOnExit(String onExitCode, String onStatusReason, String onReason, RetryAction action) {}
