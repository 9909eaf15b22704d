package io.jenkins.plugins.awsbatch.engine.run.state;

import java.util.List;

/** One item whose job failed: what the digest, the console and notifications show. */
public record FailedItem(
        long index, String key, String jobId, Integer exitCode, String statusReason, List<String> logTail) {
    public FailedItem {
        logTail = logTail == null ? List.of() : List.copyOf(logTail);
    }

    public FailedItem withLogTail(List<String> tail) {
        return new FailedItem(index, key, jobId, exitCode, statusReason, tail);
    }
}
