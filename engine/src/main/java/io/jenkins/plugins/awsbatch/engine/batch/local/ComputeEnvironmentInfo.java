package io.jenkins.plugins.awsbatch.engine.batch.local;

/** A compute environment as DescribeComputeEnvironments reports it (always MANAGED, ENABLED, VALID locally). */
public record ComputeEnvironmentInfo(String name, String arn, String state, String status) {
}
