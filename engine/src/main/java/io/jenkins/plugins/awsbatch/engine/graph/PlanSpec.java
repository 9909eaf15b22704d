package io.jenkins.plugins.awsbatch.engine.graph;

/** {@code plan:} block; {@code itemStore} is {@code store} (default: objects in the run's store) or {@code dynamodb:TABLE}. */
public record PlanSpec(ItemSourceSpec items, String itemStore) {
}
