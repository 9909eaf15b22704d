package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * ListJobs with AWS's rules: by queue (top-level jobs) or by {@code arrayJobId} (children, in index order); a
 * JOB_NAME filter (exact, or prefix with a trailing {@code *}), JOB_DEFINITION filter and created-at bounds;
 * with any filter every status is listed, without one the status defaults to RUNNING. Pages of
 * {@code maxResults} (default 100, at most 1000) with an opaque {@code nextToken}.
 */
final class JobLister {
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private JobLister() {
    }

    static JobPage list(JobTable table, ListJobsRequest request, QueueRegistry queues) {
        int pageSize = request.maxResults() == null ? DEFAULT_PAGE : request.maxResults();
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw ClientErrors.maxResults(pageSize);
        }
        int offset = decode(request.nextToken());
        List<LocalJob> candidates;
        if (request.arrayJobId() != null) {
            LocalJob parent = table.get(request.arrayJobId());
            candidates = parent == null || !parent.isArrayParent() ? List.of() : Arrays.asList(parent.children);
        } else if (request.jobQueue() != null) {
            candidates = table.topLevelJobsOf(queues.resolve(request.jobQueue()).name());
        } else {
            throw ClientErrors.missing("jobQueue or arrayJobId");
        }
        String nameFilter = request.jobNameFilter();
        String definitionFilter = request.jobDefinitionFilter();
        Long after = request.createdAfter();
        Long before = request.createdBefore();
        JobStatus status = request.hasFilter() ? null : request.status() == null ? JobStatus.RUNNING : request.status();
        List<JobSummary> page = new ArrayList<>(Math.min(pageSize, 128));
        int matched = 0;
        for (LocalJob job : candidates) {
            if ((status != null && job.status != status) || !nameMatches(nameFilter, job.spec.jobName())
                    || (after != null && job.createdAt <= after) || (before != null && job.createdAt >= before)
                    || !definitionMatches(definitionFilter, job.spec.jobDefinition())) {
                continue;
            }
            if (matched++ < offset) {
                continue;
            }
            if (page.size() == pageSize) {
                return new JobPage(page, encode(offset + pageSize));
            }
            page.add(JobViews.summary(job));
        }
        return new JobPage(page, null);
    }

    static boolean nameMatches(String filter, String name) {
        if (filter == null) {
            return true;
        }
        String f = filter.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        return f.endsWith("*") ? n.startsWith(f.substring(0, f.length() - 1)) : n.equals(f);
    }

    /**
     * AWS's JOB_DEFINITION filter against a job's definition ARN: an ARN matches that revision exactly; a name
     * every revision; {@code name:revision} that revision; a trailing {@code *} any {@code name:revision} starting
     * with what precedes it. Case-sensitive.
     */
    static boolean definitionMatches(String filter, String definitionArn) {
        if (filter == null) {
            return true;
        }
        if (filter.startsWith("arn:")) {
            return filter.equals(definitionArn);
        }
        String nameWithRevision = QueueRegistry.nameOf(definitionArn);
        if (filter.endsWith("*")) {
            return nameWithRevision.startsWith(filter.substring(0, filter.length() - 1));
        }
        if (filter.indexOf(':') >= 0) {
            return nameWithRevision.equals(filter);
        }
        int colon = nameWithRevision.lastIndexOf(':');
        return (colon < 0 ? nameWithRevision : nameWithRevision.substring(0, colon)).equals(filter);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("offset:")) {
                throw ClientErrors.badNextToken();
            }
            int offset = Integer.parseInt(text.substring("offset:".length()));
            if (offset < 0) {
                throw ClientErrors.badNextToken();
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw ClientErrors.badNextToken();
        }
    }
}
