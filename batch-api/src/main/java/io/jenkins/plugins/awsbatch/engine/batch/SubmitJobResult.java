package io.jenkins.plugins.awsbatch.engine.batch;

public record SubmitJobResult(String jobId, String jobName, String jobArn) {}
