package io.jenkins.plugins.awsbatch.engine.batch;

/** A container resource requirement: type VCPU, MEMORY (MiB) or GPU. */
public record ResourceRequirement(String type, String value) {}
