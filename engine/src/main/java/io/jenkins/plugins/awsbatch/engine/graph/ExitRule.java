package io.jenkins.plugins.awsbatch.engine.graph;

import io.jenkins.plugins.awsbatch.engine.batch.RetryAction;

/** One {@code retry.evaluateOnExit} rule of the file. */
public record ExitRule(String onExitCode, String onStatusReason, String onReason, RetryAction action) {}
