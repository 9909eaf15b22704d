package io.jenkins.plugins.awsbatch.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.awsbatch.engine.trigger.FileSeenObjects;
import io.jenkins.plugins.awsbatch.engine.trigger.ObjectFilter;
import io.jenkins.plugins.awsbatch.engine.trigger.PollResult;
import io.jenkins.plugins.awsbatch.engine.trigger.S3EventWatcher;
import io.jenkins.plugins.awsbatch.engine.trigger.S3ObjectEvent;
import io.jenkins.plugins.awsbatch.offline.FakeJob;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The S3 trigger's handling, against an in-memory queue and a recording "job queue": one build per new object
 * with S3_BUCKET / S3_KEY / S3_ETAG, duplicates and malformed messages and test events start nothing, a refused
 * build leaves its message on the queue, and the loop stops on stop().
 */
class S3TriggerTest {
    @TempDir
    Path dir;

    /** The job's build queue: records each scheduled build's parameters; refuses while {@code refuse} is set. */
    static final class FakeJobQueue implements BuildScheduler {
        final List<Map<String, String>> builds = new CopyOnWriteArrayList<>();
        final AtomicBoolean refuse = new AtomicBoolean();

        @Override
        public boolean schedule(S3ObjectEvent event, Map<String, String> parameters) {
            if (refuse.get()) {
                return false; // what ParameterizedJobMixIn.scheduleBuild2 says with null
            }
            builds.add(parameters);
            return true;
        }
    }

    private S3EventWatcher watcher(SqsClient sqs, ObjectFilter filter, List<String> log) {
        return new S3EventWatcher(
                        sqs,
                        "https://sqs.eu-west-1.amazonaws.com/123456789012/inbox",
                        filter,
                        new FileSeenObjects(dir.resolve("seen.txt")),
                        log::add)
                .waitSeconds(0);
    }

    @Test
    void oneBuildPerNewObjectWithItsParameters() {
        FakeSqs sqs = new FakeSqs();
        sqs.send(S3Events.created("inbox", "in/a.csv", "etag-a"));
        sqs.send(S3Events.created("inbox", "in/b+file.csv", "etag-b"));
        sqs.send(S3Events.created("inbox", "in/a.csv", "etag-a")); // S3 delivered it twice
        sqs.send("this is not JSON {");
        sqs.send(S3Events.testEvent("inbox"));
        sqs.send(S3Events.created("inbox", "out/c.csv", "etag-c")); // outside the prefix
        FakeJobQueue jobs = new FakeJobQueue();
        List<String> log = new CopyOnWriteArrayList<>();

        PollResult result = watcher(sqs, new ObjectFilter(null, "in/", null), log)
                .drain(new S3BuildHandler("folder/job", jobs, log::add));

        assertThat(jobs.builds)
                .containsExactly(
                        Map.of("S3_BUCKET", "inbox", "S3_KEY", "in/a.csv", "S3_ETAG", "etag-a"),
                        Map.of("S3_BUCKET", "inbox", "S3_KEY", "in/b file.csv", "S3_ETAG", "etag-b"));
        assertThat(result.started()).isEqualTo(2);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.malformed()).isEqualTo(1);
        assertThat(result.testEvents()).isEqualTo(1);
        assertThat(result.filtered()).isEqualTo(1);
        assertThat(sqs.size()).as("every message dealt with is deleted").isZero();
        assertThat(log).anyMatch(l -> l.contains("skipping malformed message"));
        assertThat(log).anyMatch(l -> l.contains("scheduled a build of folder/job for s3://inbox/in/a.csv"));
    }

    @Test
    void parametersOmitAnEmptyETag() {
        S3ObjectEvent e = new S3ObjectEvent("b", "k", 1, null, "seq", "ObjectCreated:Put", null);
        assertThat(S3BuildHandler.parameters(e)).containsExactly(Map.entry("S3_BUCKET", "b"), Map.entry("S3_KEY", "k"));
        assertThat(new S3ObjectCause("b", "k", "e1").getShortDescription())
                .isEqualTo("Started by S3 object s3://b/k (ETag e1)");
    }

    @Test
    void aRefusedBuildLeavesTheMessageForARetry() {
        FakeSqs sqs = new FakeSqs();
        sqs.send(S3Events.created("inbox", "in/a.csv", "etag-a"));
        FakeJobQueue jobs = new FakeJobQueue();
        jobs.refuse.set(true);
        List<String> log = new CopyOnWriteArrayList<>();
        S3EventWatcher w = watcher(sqs, ObjectFilter.ANY, log);
        S3BuildHandler handler = new S3BuildHandler("job", jobs, log::add);

        PollResult refused = w.pollOnce(handler);

        assertThat(refused.failed()).isEqualTo(1);
        assertThat(jobs.builds).isEmpty();
        assertThat(sqs.size()).as("the message stays").isEqualTo(1);
        assertThat(sqs.deletes.get()).isZero();
        assertThat(log)
                .anyMatch(l -> l.contains("job did not accept a build for s3://inbox/in/a.csv")
                        && l.contains("stays on the queue"));

        jobs.refuse.set(false);
        PollResult retried = w.pollOnce(handler);
        assertThat(retried.started()).isEqualTo(1);
        assertThat(jobs.builds).hasSize(1);
        assertThat(sqs.size()).isZero();
    }

    @Test
    void aRestartedTriggerRemembersWhatItStarted() {
        FakeSqs sqs = new FakeSqs();
        FakeJobQueue jobs = new FakeJobQueue();
        List<String> log = new CopyOnWriteArrayList<>();
        sqs.send(S3Events.created("inbox", "in/a.csv", "etag-a"));
        watcher(sqs, ObjectFilter.ANY, log).drain(new S3BuildHandler("job", jobs, log::add));
        // Jenkins restarts; S3 redelivers the same event; the seen-file in the job's folder still has it
        sqs.send(S3Events.created("inbox", "in/a.csv", "etag-a"));
        sqs.send(S3Events.created("inbox", "in/a.csv", "etag-a2")); // new content under the same key: new work
        PollResult after = watcher(sqs, ObjectFilter.ANY, log).drain(new S3BuildHandler("job", jobs, log::add));

        assertThat(after.duplicates()).isEqualTo(1);
        assertThat(jobs.builds).extracting(p -> p.get("S3_ETAG")).containsExactly("etag-a", "etag-a2");
    }

    @Test
    void theLoopPollsOnItsOwnThreadAndStops() throws Exception {
        FakeSqs sqs = new FakeSqs();
        sqs.send(S3Events.created("inbox", "in/a.csv", "etag-a"));
        FakeJobQueue jobs = new FakeJobQueue();
        List<String> log = new CopyOnWriteArrayList<>();
        S3TriggerLoop loop = new S3TriggerLoop(
                "test trigger",
                () -> S3TriggerLoop.Connection.of(sqs),
                client -> watcher(client, ObjectFilter.ANY, log),
                new S3BuildHandler("job", jobs, log::add),
                log::add);
        loop.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (jobs.builds.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        sqs.send(S3Events.created("inbox", "in/b.csv", "etag-b"));
        while (jobs.builds.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        loop.stop();

        assertThat(loop.awaitTermination(Duration.ofSeconds(10))).as("stopped").isTrue();
        assertThat(jobs.builds).extracting(p -> p.get("S3_KEY")).containsExactly("in/a.csv", "in/b.csv");
        assertThat(sqs.closed).as("client closed on stop").isTrue();
        int receives = sqs.receives.get();
        Thread.sleep(100);
        assertThat(sqs.receives.get()).as("no receive after stop").isEqualTo(receives);
    }

    @Test
    void stoppingWhileABuildIsHandedOverStillRemembersItAndDeletesItsMessage() throws Exception {
        FakeSqs sqs = new FakeSqs();
        sqs.send(S3Events.created("inbox", "in/a.csv", "etag-a"));
        FakeJobQueue jobs = new FakeJobQueue();
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicReference<S3TriggerLoop> loop = new AtomicReference<>();
        BuildScheduler reconfiguredMeanwhile = (event, parameters) -> {
            boolean queued = jobs.schedule(event, parameters);
            loop.get().stop(); // the job is saved (its trigger stopped) while this build is being queued
            return queued;
        };
        loop.set(new S3TriggerLoop(
                "test trigger",
                () -> S3TriggerLoop.Connection.of(sqs),
                client -> watcher(client, ObjectFilter.ANY, log),
                new S3BuildHandler("job", reconfiguredMeanwhile, log::add),
                log::add));
        loop.get().start();

        assertThat(loop.get().awaitTermination(Duration.ofSeconds(10)))
                .as("stopped")
                .isTrue();
        assertThat(jobs.builds).hasSize(1);
        assertThat(sqs.size()).as("the message of the queued build is deleted").isZero();
        // S3 redelivers it anyway: the next trigger of the job (same seen-file) starts nothing
        sqs.send(S3Events.created("inbox", "in/a.csv", "etag-a"));
        PollResult again = watcher(sqs, ObjectFilter.ANY, log).drain(new S3BuildHandler("job", jobs, log::add));
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(jobs.builds).hasSize(1);
    }

    @Test
    void theLoopThreadDoesNotKeepItsStartersClassLoader() throws Exception {
        AtomicReference<ClassLoader> seen = new AtomicReference<>();
        S3TriggerLoop loop = new S3TriggerLoop(
                "test trigger",
                () -> {
                    seen.set(Thread.currentThread().getContextClassLoader());
                    throw new IllegalStateException("no queue needed");
                },
                client -> null,
                new S3BuildHandler("job", new FakeJobQueue(), null),
                null);
        try (URLClassLoader script = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            // a trigger set by a Pipeline starts on the CPS VM thread, with the build's script class loader
            Thread cps = new Thread(loop::start);
            cps.setContextClassLoader(script);
            cps.start();
            cps.join(10_000);
            long deadline = System.currentTimeMillis() + 10_000;
            while (seen.get() == null && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            loop.stop();
            assertThat(seen.get()).isNotNull().isNotSameAs(script).isSameAs(S3TriggerLoop.class.getClassLoader());
            assertThat(loop.awaitTermination(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void aStopEndsTheRetryWaitAtOnce() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        S3TriggerLoop loop = new S3TriggerLoop(
                "test trigger",
                () -> {
                    throw new IllegalStateException("no such region");
                },
                client -> watcher(client, ObjectFilter.ANY, log),
                new S3BuildHandler("job", new FakeJobQueue(), log::add),
                log::add);
        loop.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (log.stream().noneMatch(l -> l.contains("retrying in 10 s")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        loop.stop();
        assertThat(loop.awaitTermination(Duration.ofSeconds(2)))
                .as("the 10 s wait ended on stop")
                .isTrue();
    }

    @Test
    void triggerConfiguration() {
        AwsBatchS3Trigger t = new AwsBatchS3Trigger(" https://sqs.eu-west-1.amazonaws.com/1/inbox ");
        t.setBucket("inbox");
        t.setPrefix("in/");
        t.setSuffix(".xlsx");
        t.setRegion(" ");
        assertThat(t.getQueueUrl()).isEqualTo("https://sqs.eu-west-1.amazonaws.com/1/inbox");
        assertThat(t.getRegion()).isNull();
        assertThat(t.filter()).isEqualTo(new ObjectFilter("inbox", "in/", ".xlsx"));
        assertThat(new AwsBatchS3Trigger.DescriptorImpl().isApplicable(new FakeJob()))
                .as("only parameterized jobs (Pipeline, freestyle)")
                .isFalse();
    }

    /** The same against moto's SQS, when one is running (MOTO_ENDPOINT). */
    @Test
    void againstMotoSqs() {
        String endpoint = System.getenv("MOTO_ENDPOINT");
        assumeTrue(endpoint != null && !endpoint.isBlank(), "MOTO_ENDPOINT not set");
        try (SqsClient sqs = SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build()) {
            String url = sqs.createQueue(b -> b.queueName("trigger-" + System.nanoTime()))
                    .queueUrl();
            for (String body : List.of(
                    S3Events.created("inbox", "in/a.csv", "e1"),
                    S3Events.created("inbox", "in/b.csv", "e2"),
                    S3Events.created("inbox", "in/a.csv", "e1"),
                    "not json")) {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
            }
            FakeJobQueue jobs = new FakeJobQueue();
            List<String> log = new CopyOnWriteArrayList<>();
            new S3EventWatcher(sqs, url, ObjectFilter.ANY, new FileSeenObjects(dir.resolve("moto-seen.txt")), log::add)
                    .waitSeconds(1)
                    .drain(new S3BuildHandler("job", jobs, log::add));
            assertThat(jobs.builds).extracting(p -> p.get("S3_KEY")).containsExactly("in/a.csv", "in/b.csv");
            assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1))
                            .messages())
                    .isEmpty();
            assertThat(log).anyMatch(l -> l.contains("malformed"));
        }
    }
}
