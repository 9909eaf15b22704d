package io.jenkins.plugins.awsbatch.engine.batch;

/** Batch's array dependency types; a dependency without a type waits for the whole job. */
public enum DependencyType {
    N_TO_N,
    SEQUENTIAL
}
