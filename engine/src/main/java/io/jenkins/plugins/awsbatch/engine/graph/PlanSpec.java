package io.jenkins.plugins.awsbatch.engine.graph;

/**
 * {@code plan:} block; {@code itemStore} is {@code store} (default: objects in the run's store) or
 * {@code dynamodb:TABLE}; {@code itemLayout} is {@code auto} (default), {@code packed} or {@code per-item}.
 */
public record PlanSpec(ItemSourceSpec items, String itemStore, String itemLayout) {}
