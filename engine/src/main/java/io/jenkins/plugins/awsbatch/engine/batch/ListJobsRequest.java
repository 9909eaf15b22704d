package io.jenkins.plugins.awsbatch.engine.batch;

/**
 * ListJobs by queue or by array parent ({@code arrayJobId}), optionally one status, optionally a job-name
 * filter (AWS's JOB_NAME filter: exact, or prefix with a trailing {@code *}). Paged by {@code nextToken}.
 */
public record ListJobsRequest(String jobQueue, String arrayJobId, JobStatus status, String jobNameFilter,
                              Integer maxResults, String nextToken) {

    public static ListJobsRequest children(String arrayJobId, JobStatus status) {
        return new ListJobsRequest(null, arrayJobId, status, null, null, null);
    }

    public ListJobsRequest withNextToken(String token) {
        return new ListJobsRequest(jobQueue, arrayJobId, status, jobNameFilter, maxResults, token);
    }
}
