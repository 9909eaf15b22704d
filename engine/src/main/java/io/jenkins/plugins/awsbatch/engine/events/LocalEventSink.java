package io.jenkins.plugins.awsbatch.engine.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.local.JobEventListener;
import io.jenkins.plugins.awsbatch.engine.batch.local.JobQueueInfo;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local engine's EventBridge: every job status change becomes a Batch Job State Change event
 * ({@link BatchJobEvent}) handed to each subscriber on one thread of its own, in the order the changes happened,
 * so a slow subscriber (a webhook, SMTP) never holds the engine up. A subscriber that throws is skipped for that
 * event only.
 */
public final class LocalEventSink implements JobEventListener, AutoCloseable {
    /** The local engine's account in every ARN it writes. */
    public static final String ACCOUNT = "000000000000";

    private static final JobDetail STOP = new JobDetail(
            "", "", "", "", null, null, 0, null, null, null, null, null, null, null, null, null, false, false, null);

    private final LocalBatchService service;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<Consumer<ObjectNode>> subscribers = new CopyOnWriteArrayList<>();
    private final BlockingQueue<JobDetail> changes = new LinkedBlockingQueue<>();
    private final Thread dispatcher;

    private LocalEventSink(LocalBatchService service, ObjectMapper json, Clock clock) {
        this.service = service;
        this.json = json;
        this.clock = clock;
        this.dispatcher = new Thread(this::dispatch, "local-batch-events");
        dispatcher.setDaemon(true);
    }

    /** Starts telling the subscribers of {@code service}'s job status changes. */
    public static LocalEventSink attach(LocalBatchService service, ObjectMapper json) {
        LocalEventSink sink = new LocalEventSink(service, json, Clock.systemUTC());
        sink.dispatcher.start();
        service.jobEvents(sink);
        return sink;
    }

    public LocalEventSink subscribe(Consumer<ObjectNode> subscriber) {
        subscribers.add(subscriber);
        return this;
    }

    @Override
    public void statusChanged(JobDetail job) {
        changes.add(job);
    }

    private void dispatch() {
        try {
            while (true) {
                JobDetail job = changes.take();
                if (job == STOP) {
                    return;
                }
                ObjectNode event = BatchJobEvent.of(
                        job,
                        service.jobArn(job.jobId()),
                        queueArn(job.jobQueue()),
                        service.config().region(),
                        ACCOUNT,
                        clock.instant(),
                        json);
                for (Consumer<ObjectNode> subscriber : subscribers) {
                    try {
                        subscriber.accept(event);
                    } catch (RuntimeException e) {
                        // one subscriber's failure is its own; the others and the engine carry on
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String queueArn(String name) {
        return service.describeJobQueues().stream()
                .filter(q -> q.name().equals(name))
                .map(JobQueueInfo::arn)
                .findFirst()
                .orElse(name);
    }

    /** Stops listening; changes already seen are still delivered (waits up to {@code seconds} for them). */
    public void close(long seconds) {
        service.jobEvents(null);
        changes.add(STOP);
        try {
            dispatcher.join(TimeUnit.SECONDS.toMillis(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(10);
    }
}
