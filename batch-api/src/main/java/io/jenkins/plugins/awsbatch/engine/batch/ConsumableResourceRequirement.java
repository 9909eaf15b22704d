package io.jenkins.plugins.awsbatch.engine.batch;

/** A Batch consumable resource a job holds while it runs (used to cap concurrency). */
public record ConsumableResourceRequirement(String consumableResource, long quantity) {}
