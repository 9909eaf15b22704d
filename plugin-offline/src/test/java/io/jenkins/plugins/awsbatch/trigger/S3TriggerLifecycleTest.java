package io.jenkins.plugins.awsbatch.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.trigger.FileSeenObjects;
import io.jenkins.plugins.awsbatch.engine.trigger.ObjectFilter;
import io.jenkins.plugins.awsbatch.engine.trigger.S3EventWatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 trigger's life with its job: nothing is received while the job is disabled (messages wait in the queue
 * instead of being refused again and again), polling resumes when it is enabled, and a build keeps the job's
 * parameter defaults next to the object's.
 */
class S3TriggerLifecycleTest {
    @TempDir
    Path dir;

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    @Test
    void aDisabledJobsTriggerReceivesNothingAndResumesWhenEnabled() throws Exception {
        FakeSqs sqs = new FakeSqs();
        sqs.send(S3Events.created("inbox", "in/a.csv", "etag-a"));
        S3TriggerTest.FakeJobQueue jobs = new S3TriggerTest.FakeJobQueue();
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicBoolean disabled = new AtomicBoolean(true);
        S3TriggerLoop loop = new S3TriggerLoop(
                        "test trigger",
                        () -> S3TriggerLoop.Connection.of(sqs),
                        client -> new S3EventWatcher(
                                        client,
                                        "https://sqs.eu-west-1.amazonaws.com/123456789012/inbox",
                                        ObjectFilter.ANY,
                                        new FileSeenObjects(dir.resolve("seen.txt")),
                                        log::add)
                                .waitSeconds(0),
                        new S3BuildHandler("job", jobs, log::add),
                        log::add)
                .pausedWhile(disabled::get);
        try {
            loop.start();
            assertThat(waitFor(() -> log.contains("paused: the job is disabled; messages stay in the queue")))
                    .isTrue();
            Thread.sleep(200);
            assertThat(sqs.receives.get()).as("nothing received while disabled").isZero();
            assertThat(sqs.size()).as("the message waits in the queue").isEqualTo(1);

            disabled.set(false);
            loop.recheck();
            assertThat(waitFor(() -> jobs.builds.size() == 1))
                    .as("polling resumed")
                    .isTrue();
            assertThat(jobs.builds.get(0)).containsEntry("S3_KEY", "in/a.csv");

            disabled.set(true);
            assertThat(waitFor(() ->
                            log.stream().filter(l -> l.startsWith("paused")).count() == 2))
                    .isTrue();
            int receives = sqs.receives.get();
            sqs.send(S3Events.created("inbox", "in/b.csv", "etag-b"));
            Thread.sleep(200);
            assertThat(sqs.receives.get()).as("disabled again: no receive").isEqualTo(receives);
            assertThat(sqs.closed).as("the client is closed while paused").isTrue();
        } finally {
            loop.stop();
        }
        assertThat(loop.awaitTermination(Duration.ofSeconds(5)))
                .as("a stop ends the paused wait at once")
                .isTrue();
        assertThat(jobs.builds).hasSize(1);
    }

    @Test
    void theJobsParameterDefaultsAreKeptAndTheObjectsValuesWin() {
        List<Map.Entry<String, String>> defaults =
                List.of(new SimpleEntry<>("MODEL", "v2"), new SimpleEntry<>("S3_KEY", "placeholder"));
        Map<String, String> s3 = new LinkedHashMap<>();
        s3.put("S3_BUCKET", "inbox");
        s3.put("S3_KEY", "in/a.csv");
        List<Map.Entry<String, String>> merged =
                TriggerParameters.merge(defaults, Map.Entry::getKey, s3, SimpleEntry::new);
        assertThat(merged)
                .containsExactly(
                        new SimpleEntry<>("MODEL", "v2"),
                        new SimpleEntry<>("S3_BUCKET", "inbox"),
                        new SimpleEntry<>("S3_KEY", "in/a.csv"));
        assertThat(TriggerParameters.merge(
                        java.util.Arrays.asList((Map.Entry<String, String>) null),
                        Map.Entry::getKey,
                        s3,
                        SimpleEntry::new))
                .as("a definition without a default adds nothing")
                .hasSize(2);
    }
}
