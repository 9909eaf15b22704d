package io.jenkins.plugins.awsbatch.engine.housekeeping;

import java.util.List;

/**
 * A store's housekeeping as AWS has it, or what setup and remove changed.
 *
 * @param ruleId     the lifecycle rule's id
 * @param days       days after which tagged transient objects expire, or null when there is no rule
 * @param itemsTable the DynamoDB items table, or null
 * @param ttl        the table's TTL status (ENABLED, DISABLED, ENABLING, ...) on {@code expiresAt}, or null
 * @param changes    one line per change; empty when nothing needed to change
 */
public record HousekeepingState(
        String storeUri, String ruleId, Integer days, String itemsTable, String ttl, List<String> changes) {
    public HousekeepingState {
        changes = List.copyOf(changes);
    }
}
