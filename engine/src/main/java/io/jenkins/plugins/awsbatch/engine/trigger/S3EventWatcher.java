package io.jenkins.plugins.awsbatch.engine.trigger;

import io.jenkins.plugins.awsbatch.engine.track.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Long-polls an SQS queue fed by S3 event notifications and hands each new matching object to an
 * {@link ObjectHandler}. A message is deleted only after everything in it was dealt with: accepted by the
 * handler (then remembered in {@link SeenObjects}), a duplicate, outside the filter, a test event, or
 * malformed (logged). If the handler throws, the message stays and comes back after the queue's visibility
 * timeout; objects of it that were accepted before are remembered, so they do not start twice.
 * Shared by {@code batchgraph watch} and the Jenkins S3 trigger.
 */
public final class S3EventWatcher {
    public static final int LONG_POLL_SECONDS = 20;
    public static final int MAX_BATCH = 10;
    static final Duration MIN_BACKOFF = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final SqsClient sqs;
    private final String queueUrl;
    private final ObjectFilter filter;
    private final SeenObjects seen;
    private final Consumer<String> log;
    private final S3EventParser parser = new S3EventParser();
    private int waitSeconds = LONG_POLL_SECONDS;
    private Sleeper sleeper = Sleeper.real();

    public S3EventWatcher(SqsClient sqs, String queueUrl, ObjectFilter filter, SeenObjects seen, Consumer<String> log) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.filter = filter == null ? ObjectFilter.ANY : filter;
        this.seen = Objects.requireNonNull(seen, "seen");
        this.log = log == null ? line -> {} : log;
    }

    /** Long-poll wait per receive, 0..20 s (0 for a quick look, e.g. a Jenkins trigger's periodic check). */
    public S3EventWatcher waitSeconds(int seconds) {
        if (seconds < 0 || seconds > LONG_POLL_SECONDS) {
            throw new IllegalArgumentException("wait must be 0..20 seconds, was " + seconds);
        }
        this.waitSeconds = seconds;
        return this;
    }

    /** How the watch loop waits after SQS failed. */
    public S3EventWatcher sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper);
        return this;
    }

    /** One ReceiveMessage (up to 10 messages) and the handling of what came. SQS errors propagate. */
    public PollResult pollOnce(ObjectHandler handler) {
        return poll(handler, MAX_BATCH);
    }

    /** Polls until a receive comes back empty. */
    public PollResult drain(ObjectHandler handler) {
        PollResult total = PollResult.EMPTY;
        while (true) {
            PollResult one = pollOnce(handler);
            total = total.plus(one);
            if (one.messages() == 0) {
                return total;
            }
        }
    }

    /**
     * Polls until {@code stop} says so, the thread is interrupted, or {@code maxMessages} messages were handled
     * (0: no limit). SQS failures are logged and retried with backoff, never fatal.
     */
    public PollResult watch(ObjectHandler handler, int maxMessages, BooleanSupplier stop) {
        PollResult total = PollResult.EMPTY;
        Duration backoff = MIN_BACKOFF;
        while (!stop.getAsBoolean()
                && !Thread.currentThread().isInterrupted()
                && (maxMessages <= 0 || total.messages() < maxMessages)) {
            int batch = maxMessages <= 0 ? MAX_BATCH : Math.min(MAX_BATCH, maxMessages - total.messages());
            try {
                total = total.plus(poll(handler, batch));
                backoff = MIN_BACKOFF;
            } catch (SdkException e) {
                log.accept("receiving from " + queueUrl + " failed ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + "); retrying in " + backoff.toSeconds()
                        + " s");
                try {
                    sleeper.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        return total;
    }

    private PollResult poll(ObjectHandler handler, int batch) {
        List<Message> messages = sqs.receiveMessage(
                        b -> b.queueUrl(queueUrl).maxNumberOfMessages(batch).waitTimeSeconds(waitSeconds))
                .messages();
        PollResult total = PollResult.EMPTY;
        for (Message message : messages) {
            PollResult one = handle(message, handler);
            if (one.failed() == 0) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            total = total.plus(one);
        }
        return total;
    }

    private PollResult handle(Message message, ObjectHandler handler) {
        ParsedMessage parsed = parser.parse(message.body());
        if (parsed instanceof ParsedMessage.TestEvent test) {
            log.accept("skipping s3:TestEvent" + (test.bucket() == null ? "" : " for bucket " + test.bucket())
                    + " (message " + message.messageId() + ")");
            return new PollResult(1, 0, 0, 0, 1, 0, 0);
        }
        if (parsed instanceof ParsedMessage.Malformed bad) {
            log.accept("skipping malformed message " + message.messageId() + ": " + bad.reason());
            return new PollResult(1, 0, 0, 0, 0, 1, 0);
        }
        int started = 0;
        int duplicates = 0;
        int filtered = 0;
        for (S3ObjectEvent event : ((ParsedMessage.Objects) parsed).events()) {
            if (!filter.matches(event)) {
                filtered++;
                log.accept("ignoring " + event.uri() + " (" + event.eventName() + "): outside " + filter);
            } else if (seen.contains(event)) {
                duplicates++;
                log.accept("ignoring " + event.uri() + ": already seen (" + event.identity() + ")");
            } else {
                try {
                    handler.accept(event);
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    log.accept("starting work for " + event.uri() + " failed ("
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); message "
                            + message.messageId()
                            + " stays on the queue for a retry");
                    return new PollResult(1, started, duplicates, filtered, 0, 0, 1);
                }
                seen.add(event);
                started++;
                log.accept(
                        "started work for " + event.uri() + (event.size() >= 0 ? " (" + event.size() + " bytes)" : ""));
            }
        }
        return new PollResult(1, started, duplicates, filtered, 0, 0, 0);
    }
}
