package io.jenkins.plugins.awsbatch.engine.plan;

import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;

/**
 * Where planning writes the item records: their URI ({@code <run>/items}, or {@code dynamodb://TABLE/RUN_ID}), the
 * store behind it, and {@code plan.itemLayout} as configured (null or {@code auto}: chosen by the item count).
 */
public record ItemDestination(String uri, ObjectStore store, String layout) {}
