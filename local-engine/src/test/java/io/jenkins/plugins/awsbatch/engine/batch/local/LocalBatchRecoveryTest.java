package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An engine that dies without closing (kill -9) leaves its attempts' records behind: a new engine on the same
 * folders adopts what still runs, takes the exit status of what ended meanwhile, and never starts an attempt
 * whose start was recorded. Every job appends a line to a ledger, so a repeated attempt is countable.
 */
class LocalBatchRecoveryTest extends LocalBatchTestSupport {

    private LocalBatchConfig persistent(int slots) {
        return config(slots).withDataDirectory(temp.resolve("data"));
    }

    /** What the attempt's records (the launcher's, or its wrapper's) say now. */
    private Optional<AttemptRecords.Attempt> recorded(String logStreamName) {
        AttemptRecords records = new AttemptRecords(temp.resolve("logs"));
        records.refresh();
        return records.read(logStreamName);
    }

    private static String appendToLedger(String what) {
        return "echo \"" + what + "\" >> ledger";
    }

    @Test
    void aStillRunningAttemptIsAdoptedAndEndsWithItsOwnExitStatus() {
        start(persistent(2));
        String id = submitShell("slow", appendToLedger("slow") + "; sleep 1; exit 3");
        awaitStatus(id, JobStatus.RUNNING);
        batch.abandon();

        start(persistent(2));
        assertThat(describe(id).status()).isEqualTo(JobStatus.RUNNING);
        JobDetail done = awaitTerminal(id);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.exitCode()).isEqualTo(3);
        assertThat(done.statusReason()).isEqualTo(JobScheduler.CONTAINER_EXITED);
        assertThat(done.attempts())
                .singleElement()
                .satisfies(a -> assertThat(a.exitCode()).isEqualTo(3));
        assertThat(ledger()).containsExactly("slow");
    }

    @Test
    void anAttemptThatEndedWhileNoEngineWatchedKeepsItsRecordedExitStatus() throws Exception {
        start(persistent(2));
        String id = submitShell("quick", "sleep 0.3; " + appendToLedger("quick"));
        String next = submitShell("next", appendToLedger("next"), JobDependency.on(id));
        awaitStatus(id, JobStatus.RUNNING);
        batch.abandon();
        await(() -> ledger().contains("quick"), "the abandoned attempt to finish on its own");
        Thread.sleep(100);

        start(persistent(2));
        JobDetail done = awaitTerminal(id);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.exitCode()).isZero();
        assertThat(awaitTerminal(next).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(ledger()).containsExactly("quick", "next");
    }

    @Test
    void aRecordedStartIsNeverStartedAgainEvenWhenTheSnapshotLagsBehind() {
        start(persistent(4));
        String array = submit(job("arr", appendToLedger("$AWS_BATCH_JOB_ARRAY_INDEX") + "; sleep 0.2")
                .arraySize(12));
        // abandoned as soon as the first children ran: the periodic snapshot still shows them unstarted
        await(() -> ledger().size() >= 2, "two children to have started");
        batch.abandon();

        start(persistent(4));
        assertThat(awaitTerminal(array).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(ledger()).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void aFailedAttemptRecordedWhileNoEngineWatchedIsRetriedAsItsStrategySays() throws Exception {
        start(persistent(2));
        String id = submit(job("retried", appendToLedger("attempt $AWS_BATCH_JOB_ATTEMPT") + "; sleep 0.3; exit 1")
                .retryStrategy(RetryStrategy.attempts(2)));
        awaitStatus(id, JobStatus.RUNNING);
        batch.abandon();
        await(
                () -> recorded(id + "/attempt-1.log")
                        .map(AttemptRecords.Attempt::ended)
                        .orElse(false),
                "attempt 1 to end");

        start(persistent(2));
        JobDetail done = awaitTerminal(id);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.attempts()).extracting(a -> a.exitCode()).containsExactly(1, 1);
        assertThat(ledger()).containsExactly("attempt 1", "attempt 2");
    }

    @Test
    void anAdoptedAttemptIsSupervisedTerminateStopsItsProcess() throws Exception {
        start(persistent(2));
        String id = submitShell("forever", "sleep 30");
        await(() -> recorded(id + "/attempt-1.log").isPresent(), "the attempt's start to be recorded");
        long pid = recorded(id + "/attempt-1.log").orElseThrow().pid();
        batch.abandon();

        start(persistent(2));
        batch.terminateJob(id, "stop it");
        JobDetail done = awaitTerminal(id);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.statusReason()).isEqualTo("stop it");
        await(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "the adopted process to be stopped");
    }

    @Test
    void anAdoptedAttemptStillTimesOut() {
        start(persistent(2));
        String id = submit(job("late", "sleep 30").timeoutSeconds(60));
        awaitStatus(id, JobStatus.RUNNING);
        batch.abandon();

        start(persistent(2));
        JobDetail done = awaitTerminal(id);
        assertThat(done.statusReason()).isEqualTo(JobScheduler.TIMED_OUT);
    }

    @Test
    void theLauncherRecordsEachChildsPidAndExitStatusAsWholeLinesInItsRecordsFile() throws Exception {
        start(persistent(2));
        String id = submitShell("recorded", "echo $$ > pid; exit 7");
        assertThat(awaitTerminal(id).exitCode()).isEqualTo(7);
        String pid = read(file("pid")).trim();
        try (Stream<Path> files = Files.list(temp.resolve("logs"))) {
            Path records = files.filter(f -> f.toString().endsWith(LauncherProcess.RECORDS_SUFFIX))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readAllLines(records))
                    .satisfiesExactly(
                            started -> assertThat(started).matches("S \\d+ " + pid + " " + id + "/attempt-1"),
                            ended -> assertThat(ended).matches("E \\d+ 7 " + id + "/attempt-1"));
        }
        assertThat(recorded(id + "/attempt-1.log")).hasValueSatisfying(a -> {
            assertThat(a.pid()).isEqualTo(Long.parseLong(pid));
            assertThat(a.exitCode()).isEqualTo(7);
        });
        assertThat(temp.resolve("logs").resolve(id + "/attempt-1.log"))
                .as("it printed nothing")
                .doesNotExist();
    }

    @Test
    void withoutTheLauncherTheWrapperRecordsItsPidAndTheExitStatusNextToTheLogAsWholeLines() throws Exception {
        System.setProperty(ProcessLauncher.MODE_PROPERTY, "direct");
        try {
            start(persistent(2));
        } finally {
            System.clearProperty(ProcessLauncher.MODE_PROPERTY);
        }
        String id = submitShell("recorded", "echo $PPID > ppid; exit 7");
        assertThat(awaitTerminal(id).exitCode()).isEqualTo(7);
        Path logs = temp.resolve("logs").resolve(id);
        assertThat(Files.readString(logs.resolve("attempt-1.exitcode"))).isEqualTo("7\n");
        assertThat(Files.readString(logs.resolve("attempt-1.started"))).isEqualTo(read(file("ppid")));
    }

    @Test
    void aRecordCaughtBeingWrittenIsNotTakenForOne() throws Exception {
        Path logs = temp.resolve("logs");
        Files.createDirectories(logs.resolve("job"));
        AttemptRecords records = new AttemptRecords(logs);
        Files.writeString(logs.resolve("job/attempt-1.started"), "");
        assertThat(records.read("job/attempt-1.log")).isEmpty();
        Files.writeString(logs.resolve("job/attempt-1.started"), "4242\n");
        Files.writeString(logs.resolve("job/attempt-1.exitcode"), "1");
        assertThat(records.read("job/attempt-1.log")).hasValueSatisfying(a -> {
            assertThat(a.pid()).isEqualTo(4242);
            assertThat(a.ended()).isFalse();
        });
        Files.writeString(logs.resolve("job/attempt-1.exitcode"), "13\n");
        assertThat(records.read("job/attempt-1.log"))
                .hasValueSatisfying(a -> assertThat(a.exitCode()).isEqualTo(13));
    }

    @Test
    void aJobAcknowledgedBySubmitJobIsKnownToTheNextEngineEvenWithoutAPeriodicSnapshot() {
        start(persistent(1));
        String blocker = submitShell("blocker", "sleep 30");
        String queued = submitShell("queued", appendToLedger("queued"));
        batch.abandon(); // at once: only the writes made by SubmitJob itself are on disk

        start(persistent(1));
        assertThat(batch.describeJobs(List.of(blocker, queued))).hasSize(2);
        batch.terminateJob(blocker, "enough");
        assertThat(awaitTerminal(queued).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(ledger()).containsExactly("queued");
    }

    @Test
    void theCallersSecretsNeverReachAJob() {
        Map<String, String> caller = Map.of(
                "PATH",
                "/usr/bin:/bin",
                "LC_ALL",
                "C.UTF-8",
                "HOME",
                "/home/u",
                "AWS_SECRET_ACCESS_KEY",
                "planted-secret",
                "AWS_SESSION_TOKEN",
                "tok",
                "GITHUB_TOKEN",
                "gh",
                "SMTP_PASSWORD",
                "pw",
                "SLACK_WEBHOOK_URL",
                "https://hooks.example/x");
        start(persistent(1).withBaseEnvironment(JobEnvironment.inheritedFrom(caller)));
        String id = submit(job("env", "env > env.txt").environment(Map.of("FROM_GRAPH", "yes")));
        assertThat(awaitTerminal(id).status()).isEqualTo(JobStatus.SUCCEEDED);
        String seen = read(file("env.txt"));
        assertThat(seen)
                .contains(
                        "PATH=/usr/bin:/bin",
                        "LC_ALL=C.UTF-8",
                        "HOME=/home/u",
                        "FROM_GRAPH=yes",
                        "AWS_BATCH_JOB_ID=" + id);
        assertThat(seen)
                .doesNotContain(
                        "planted-secret",
                        "AWS_SECRET_ACCESS_KEY",
                        "AWS_SESSION_TOKEN",
                        "GITHUB_TOKEN",
                        "SMTP_PASSWORD",
                        "hooks.example");
    }
}
