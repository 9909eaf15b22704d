package io.jenkins.plugins.awsbatch.engine.batch;

/** One entry of SubmitJob's {@code dependsOn}; {@code type} is null for a whole-job dependency. */
public record JobDependency(String jobId, DependencyType type) {
    public static JobDependency on(String jobId) {
        return new JobDependency(jobId, null);
    }
}
