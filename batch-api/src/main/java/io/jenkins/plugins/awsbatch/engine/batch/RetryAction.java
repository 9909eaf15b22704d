package io.jenkins.plugins.awsbatch.engine.batch;

public enum RetryAction {
    RETRY,
    EXIT
}
