package io.jenkins.plugins.awsbatch.engine.batch.local;

/** A consumable resource as DescribeConsumableResource reports it. */
public record ConsumableResourceInfo(String name, String arn, long totalQuantity, long inUseQuantity) {
    public long availableQuantity() {
        return totalQuantity - inUseQuantity;
    }
}
