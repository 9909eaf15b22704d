package io.jenkins.plugins.awsbatch.engine.batch;

/**
 * ListJobs by queue or by array parent ({@code arrayJobId}), optionally one status, optionally a job-name
 * filter (AWS's JOB_NAME filter: exact, or prefix with a trailing {@code *}). Paged by {@code nextToken}.
 * <p>
 * Also AWS's other filters, all optional: {@code jobDefinitionFilter} (JOB_DEFINITION: a definition name, every
 * revision; {@code name:revision} or an ARN, that revision; or a prefix with a trailing {@code *}),
 * {@code createdAfter} / {@code createdBefore} (AFTER_CREATED_AT / BEFORE_CREATED_AT: epoch milliseconds,
 * exclusive). As on AWS, when any filter is given {@code status} is ignored and every status is listed.
 */
public record ListJobsRequest(
        String jobQueue,
        String arrayJobId,
        JobStatus status,
        String jobNameFilter,
        Integer maxResults,
        String nextToken,
        String jobDefinitionFilter,
        Long createdAfter,
        Long createdBefore) {

    /** A request without the job-definition and created-at filters. */
    public ListJobsRequest(
            String jobQueue,
            String arrayJobId,
            JobStatus status,
            String jobNameFilter,
            Integer maxResults,
            String nextToken) {
        this(jobQueue, arrayJobId, status, jobNameFilter, maxResults, nextToken, null, null, null);
    }

    /** The largest page ListJobs gives; the engine always asks for it, so listing 10,000 children costs 10 calls. */
    public static final int MAX_RESULTS = 1000;

    /** An array's children in one status, in pages of {@link #MAX_RESULTS}. */
    public static ListJobsRequest children(String arrayJobId, JobStatus status) {
        return new ListJobsRequest(null, arrayJobId, status, null, MAX_RESULTS, null);
    }

    /** Top-level jobs of a queue by AWS's JOB_NAME filter (every status), in pages of {@link #MAX_RESULTS}. */
    public static ListJobsRequest named(String jobQueue, String jobName) {
        return new ListJobsRequest(jobQueue, null, null, jobName, MAX_RESULTS, null);
    }

    public ListJobsRequest withNextToken(String token) {
        return new ListJobsRequest(
                jobQueue,
                arrayJobId,
                status,
                jobNameFilter,
                maxResults,
                token,
                jobDefinitionFilter,
                createdAfter,
                createdBefore);
    }

    /** The same request with the JOB_DEFINITION filter. */
    public ListJobsRequest withJobDefinitionFilter(String filter) {
        return new ListJobsRequest(
                jobQueue,
                arrayJobId,
                status,
                jobNameFilter,
                maxResults,
                nextToken,
                filter,
                createdAfter,
                createdBefore);
    }

    /** The same request with the AFTER_CREATED_AT / BEFORE_CREATED_AT filters (null: not filtered). */
    public ListJobsRequest withCreatedBetween(Long after, Long before) {
        return new ListJobsRequest(
                jobQueue, arrayJobId, status, jobNameFilter, maxResults, nextToken, jobDefinitionFilter, after, before);
    }

    /** Whether any of AWS's {@code filters} is set (then every status is listed). */
    public boolean hasFilter() {
        return jobNameFilter != null || jobDefinitionFilter != null || createdAfter != null || createdBefore != null;
    }
}
