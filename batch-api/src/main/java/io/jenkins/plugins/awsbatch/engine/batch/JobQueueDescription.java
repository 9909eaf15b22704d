package io.jenkins.plugins.awsbatch.engine.batch;

/**
 * A job queue as DescribeJobQueues reports it: {@code state} ENABLED | DISABLED, {@code status} VALID, INVALID,
 * CREATING, UPDATING, DELETING or DELETED, with AWS's {@code statusReason}.
 */
public record JobQueueDescription(String name, String arn, String state, String status, String statusReason) {

    public boolean isEnabled() {
        return "ENABLED".equals(state);
    }

    /** VALID, or UPDATING (a queue whose compute environments change still takes jobs). */
    public boolean isValid() {
        return status == null || "VALID".equals(status) || "UPDATING".equals(status);
    }
}
