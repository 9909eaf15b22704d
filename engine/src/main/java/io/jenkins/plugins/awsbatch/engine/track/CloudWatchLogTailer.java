package io.jenkins.plugins.awsbatch.engine.track;

import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
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
 * from the end (one GetLogEvents call); {@link #all} pages forward from the start, bounded. Every call takes a
 * permit from {@code pacer} (GetLogEvents allows 10 TPS per account and region). The client is owned by the
 * caller.
 */
public final class CloudWatchLogTailer implements LogTailer {
    public static final String BATCH_LOG_GROUP = "/aws/batch/job";
    /** GetLogEvents returns at most this many events a call. */
    static final int MAX_EVENTS_PER_CALL = 10_000;
    /** {@link #all} stops after this many lines. */
    public static final int MAX_ALL_LINES = 100_000;

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
        pacer.acquire();
        GetLogEventsResponse page;
        try {
            page = logs.getLogEvents(r -> r.logGroupName(logGroup).logStreamName(stream).startFromHead(false)
                    .limit(Math.min(maxLines, MAX_EVENTS_PER_CALL)));
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>(maxLines);
        for (OutputLogEvent event : page.events()) {
            for (String line : lines(event.message())) {
                if (last.size() == maxLines) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
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
        while (out.size() < MAX_ALL_LINES) {
            String current = token;
            pacer.acquire();
            GetLogEventsResponse page;
            try {
                page = logs.getLogEvents(r -> {
                    r.logGroupName(logGroup).logStreamName(stream).startFromHead(true);
                    if (current != null) {
                        r.nextToken(current);
                    }
                });
            } catch (ResourceNotFoundException e) {
                return List.of();
            }
            for (OutputLogEvent event : page.events()) {
                for (String line : lines(event.message())) {
                    if (out.size() < MAX_ALL_LINES) {
                        out.add(line);
                    }
                }
            }
            // The forward token stays the same once the end of the stream is reached.
            if (page.events().isEmpty() || page.nextForwardToken() == null || page.nextForwardToken().equals(current)) {
                break;
            }
            token = page.nextForwardToken();
        }
        return out;
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
