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
import java.util.function.Predicate;

/**
 * ListJobs with AWS's rules: by queue (top-level jobs) or by {@code arrayJobId} (children, in index order); a
 * JOB_NAME filter (exact, or prefix with a trailing {@code *}), JOB_DEFINITION filter and created-at bounds;
 * with any filter every status is listed, without one the status defaults to RUNNING. Pages of
 * {@code maxResults} (default 100, at most 1000) with an opaque {@code nextToken} that resumes where the last
 * page stopped, so listing 10,000 children in pages costs one pass, not one pass per page.
 */
final class JobLister {
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;
    /** A token holds the position in the candidate list where the next page starts scanning. */
    private static final String TOKEN_PREFIX = "cursor:";

    private JobLister() {}

    static JobPage list(JobTable table, ListJobsRequest request, QueueRegistry queues) {
        int pageSize = request.maxResults() == null ? DEFAULT_PAGE : request.maxResults();
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw ClientErrors.maxResults(pageSize);
        }
        int cursor = decode(request.nextToken());
        List<LocalJob> candidates;
        if (request.arrayJobId() != null) {
            LocalJob parent = table.get(request.arrayJobId());
            candidates = parent == null || !parent.isArrayParent() ? List.of() : Arrays.asList(parent.children);
        } else if (request.jobQueue() != null) {
            candidates = table.topLevelJobsOf(queues.resolve(request.jobQueue()).name());
        } else {
            throw ClientErrors.missing("jobQueue or arrayJobId");
        }
        return page(candidates, matcher(request), pageSize, cursor);
    }

    private static Predicate<LocalJob> matcher(ListJobsRequest request) {
        String nameFilter = request.jobNameFilter();
        String definitionFilter = request.jobDefinitionFilter();
        Long after = request.createdAfter();
        Long before = request.createdBefore();
        JobStatus status = request.hasFilter() ? null : request.status() == null ? JobStatus.RUNNING : request.status();
        return job -> (status == null || job.status == status)
                && nameMatches(nameFilter, job.spec.jobName())
                && (after == null || job.createdAt > after)
                && (before == null || job.createdAt < before)
                && definitionMatches(definitionFilter, job.spec.jobDefinition());
    }

    /**
     * One page of the candidates that match, scanning from {@code cursor} (a position in {@code candidates}, which
     * only ever grow at the end). The next page's token is the position of the first match left out, so every
     * candidate is tested about once however many pages the listing takes.
     */
    static JobPage page(List<LocalJob> candidates, Predicate<LocalJob> matches, int pageSize, int cursor) {
        List<JobSummary> page = new ArrayList<>(Math.min(pageSize, 128));
        for (int position = cursor; position < candidates.size(); position++) {
            LocalJob job = candidates.get(position);
            if (!matches.test(job)) {
                continue;
            }
            if (page.size() == pageSize) {
                return new JobPage(page, encode(position));
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

    private static String encode(int cursor) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((TOKEN_PREFIX + cursor).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(TOKEN_PREFIX)) {
                throw ClientErrors.badNextToken();
            }
            int cursor = Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
            if (cursor < 0) {
                throw ClientErrors.badNextToken();
            }
            return cursor;
        } catch (IllegalArgumentException e) {
            throw ClientErrors.badNextToken();
        }
    }
}
