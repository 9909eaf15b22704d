package io.jenkins.plugins.awsbatch.engine.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** S3 events through moto's SQS. Skipped without MOTO_ENDPOINT. */
class S3EventWatcherMotoTest {
    @TempDir
    Path dir;

    private AwsClients aws;
    private String queueUrl;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<S3ObjectEvent> started = new CopyOnWriteArrayList<>();

    @BeforeEach
    void queue() {
        aws = MotoSupport.clients(new CallCounter());
        queueUrl = aws.sqs()
                .createQueue(b -> b.queueName(MotoSupport.unique("uploads"))
                        .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1")))
                .queueUrl();
    }

    @AfterEach
    void close() {
        if (aws != null) {
            aws.close();
        }
    }

    private void send(String body) {
        aws.sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    private S3EventWatcher watcher(SeenObjects seen) {
        return new S3EventWatcher(aws.sqs(), queueUrl, new ObjectFilter("uploads", "in/", null), seen, log::add);
    }

    private int messagesLeft() {
        Map<QueueAttributeName, String> a = aws.sqs()
                .getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Test
    void threeObjectsOneDuplicateAMalformedMessageAndATestEventStartTwoRuns() {
        send(S3Events.testEvent("uploads"));
        send(S3Events.created("uploads", "in/a.csv", "etag-a", "seq-1"));
        send(S3Events.inSnsEnvelope(S3Events.created("uploads", "in/b+c.csv", "etag-b", "seq-2")));
        send("{\"Records\": [ this is not json");
        send(S3Events.created("uploads", "in/a.csv", "etag-a", "seq-1"));

        PollResult result =
                watcher(new FileSeenObjects(dir.resolve("seen.txt"))).watch(started::add, 5, () -> false);

        assertThat(started)
                .extracting(S3ObjectEvent::uri)
                .containsExactly("s3://uploads/in/a.csv", "s3://uploads/in/b c.csv");
        assertThat(result).isEqualTo(new PollResult(5, 2, 1, 0, 1, 1, 0));
        assertThat(messagesLeft()).as("every message dealt with is deleted").isZero();
        assertThat(log)
                .anySatisfy(l ->
                        assertThat(l).startsWith("skipping malformed message ").contains("not JSON"));
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("skipping s3:TestEvent for bucket uploads"));
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("ignoring s3://uploads/in/a.csv: already seen"));
    }

    @Test
    void aRestartedWatcherRemembersWhatItStarted() {
        Path file = dir.resolve("seen.txt");
        send(S3Events.created("uploads", "in/a.csv", "etag-a", "seq-1"));
        watcher(new FileSeenObjects(file)).waitSeconds(1).drain(started::add);

        send(S3Events.created("uploads", "in/a.csv", "etag-a", "seq-1"));
        send(S3Events.created("uploads", "out/x.csv", "etag-x", "seq-3"));
        PollResult second = watcher(new FileSeenObjects(file)).waitSeconds(1).drain(started::add);

        assertThat(started).hasSize(1);
        assertThat(second.duplicates()).isEqualTo(1);
        assertThat(second.filtered()).isEqualTo(1);
        assertThat(messagesLeft()).isZero();
    }

    @Test
    void aMessageStaysOnTheQueueUntilTheHandlerAcceptsIt() throws Exception {
        send(S3Events.created("uploads", "in/a.csv", "etag-a", "seq-1"));
        AtomicBoolean down = new AtomicBoolean(true);
        ObjectHandler handler = event -> {
            if (down.get()) {
                throw new IllegalStateException("Jenkins is shutting down");
            }
            started.add(event);
        };
        S3EventWatcher watcher = watcher(SeenObjects.inMemory(100)).waitSeconds(1);

        PollResult first = watcher.pollOnce(handler);

        assertThat(first.failed()).isEqualTo(1);
        assertThat(started).isEmpty();
        assertThat(messagesLeft()).isEqualTo(1);
        assertThat(log).anySatisfy(l -> assertThat(l).contains("stays on the queue for a retry"));

        down.set(false);
        Thread.sleep(1_500); // the queue's visibility timeout is 1 s
        PollResult second = watcher.drain(handler);

        assertThat(second.started()).isEqualTo(1);
        assertThat(started).extracting(S3ObjectEvent::key).containsExactly("in/a.csv");
        assertThat(messagesLeft()).isZero();
    }
}
