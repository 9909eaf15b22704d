package io.jenkins.plugins.awsbatch.engine.batch;

/** One finished (or running) attempt of a job, as DescribeJobs reports it. Times in epoch ms. */
public record JobAttempt(Long startedAt, Long stoppedAt, Integer exitCode, String reason, String logStreamName) {}
