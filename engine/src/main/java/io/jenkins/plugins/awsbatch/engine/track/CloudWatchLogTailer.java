package io.jenkins.plugins.awsbatch.engine.track;

import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.LogTailer;
import io.jenkins.plugins.awsbatch.engine.batch.TokenBucket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Log tails from CloudWatch Logs: the stream is the job's {@code container.logStreamName}, else the latest
 * attempt's that has one, in the group {@code /aws/batch/job} (Batch's default). {@link #tail} reads backwards
 * from the end (usually one GetLogEvents call); {@link #all} pages forward from the start, bounded. Every call takes a
 * permit from {@code pacer} (GetLogEvents allows 10 TPS per account and region). The client is owned by the
 * caller.
 */
public final class CloudWatchLogTailer implements LogTailer {
    public static final String BATCH_LOG_GROUP = "/aws/batch/job";
    /** GetLogEvents returns at most this many events a call. */
    static final int MAX_EVENTS_PER_CALL = 10_000;
    /** {@link #all} stops after this many lines. */
    public static final int MAX_ALL_LINES = 100_000;
    /** Bounds on calls, as pages may be empty while the stream goes on (or keeps growing). */
    static final int MAX_TAIL_CALLS = 5;

    static final int MAX_ALL_CALLS = 1_000;

    private final CloudWatchLogsClient logs;
    private final TokenBucket pacer;
    private final String logGroup;

    public CloudWatchLogTailer(CloudWatchLogsClient logs, TokenBucket pacer, String logGroup) {
        this.logs = logs;
        this.pacer = pacer;
        this.logGroup = logGroup == null ? BATCH_LOG_GROUP : logGroup;
    }

    /** The job's log stream, or null when Batch has not named one (the job never started). */
    public static String streamName(JobDetail job) {
        if (job.logStreamName() != null && !job.logStreamName().isBlank()) {
            return job.logStreamName();
        }
        List<JobAttempt> attempts = job.attempts();
        for (int i = attempts.size() - 1; i >= 0; i--) {
            String s = attempts.get(i).logStreamName();
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    @Override
    public List<String> tail(JobDetail job, int maxLines) {
        String stream = streamName(job);
        if (stream == null || maxLines <= 0) {
            return List.of();
        }
        // A page may be partial or even empty while older events remain (GetLogEvents' documented behaviour):
        // page backwards until enough lines, the start of the stream (the token comes back) or the call bound.
        Deque<String> last = new ArrayDeque<>(maxLines);
        String token = null;
        for (int call = 0; call < MAX_TAIL_CALLS && last.size() < maxLines; call++) {
            GetLogEventsResponse page = page(stream, false, token, Math.min(maxLines, MAX_EVENTS_PER_CALL));
            if (page == null) {
                break;
            }
            List<String> lines = new ArrayList<>();
            page.events().forEach(event -> lines.addAll(lines(event.message())));
            for (int i = lines.size() - 1; i >= 0 && last.size() < maxLines; i--) {
                last.addFirst(lines.get(i));
            }
            String next = page.nextBackwardToken();
            if (next == null || next.equals(token)) {
                break;
            }
            token = next;
        }
        return List.copyOf(last);
    }

    @Override
    public List<String> all(JobDetail job) {
        String stream = streamName(job);
        if (stream == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        String token = null;
        for (int call = 0; call < MAX_ALL_CALLS && out.size() < MAX_ALL_LINES; call++) {
            GetLogEventsResponse page = page(stream, true, token, null);
            if (page == null) {
                break;
            }
            for (OutputLogEvent event : page.events()) {
                for (String line : lines(event.message())) {
                    if (out.size() < MAX_ALL_LINES) {
                        out.add(line);
                    }
                }
            }
            // Empty pages do not mean the end: only the forward token coming back unchanged does.
            if (page.nextForwardToken() == null || page.nextForwardToken().equals(token)) {
                break;
            }
            token = page.nextForwardToken();
        }
        return out;
    }

    /** One paced GetLogEvents call; null when the stream (or group) does not exist. */
    private GetLogEventsResponse page(String stream, boolean fromHead, String token, Integer limit) {
        pacer.acquire();
        try {
            return logs.getLogEvents(r -> {
                r.logGroupName(logGroup).logStreamName(stream).startFromHead(fromHead);
                if (token != null) {
                    r.nextToken(token);
                }
                if (limit != null) {
                    r.limit(limit);
                }
            });
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private static List<String> lines(String message) {
        if (message == null) {
            return List.of();
        }
        String trimmed = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
        List<String> out = new ArrayList<>();
        for (String line : trimmed.split("\n", -1)) {
            out.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return out;
    }
}
