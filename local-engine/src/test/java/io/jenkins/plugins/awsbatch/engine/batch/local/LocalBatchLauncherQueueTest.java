package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.ConsumableResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Attempts sent ahead to the launcher's queue (STARTING, holding their resources) so the next child starts the
 * moment one ends: the slots still bound what runs, also with attempts adopted from an earlier engine; a
 * terminated queued attempt never runs; one queued when the engine dies is started once, by the next engine.
 */
class LocalBatchLauncherQueueTest extends LocalBatchTestSupport {
    /** Runs until the file {@code release} exists; says it started by creating {@code started-<name>}. */
    private static String blocker(String name) {
        return "echo " + name + " >> ledger; touch started-" + name + "; while [ ! -e release ]; do sleep 0.02; done";
    }

    private void release() throws IOException {
        Files.createFile(file("release"));
    }

    private LocalBatchConfig persistent(int slots) {
        return config(slots).withDataDirectory(temp.resolve("data"));
    }

    /** The children's statuses as the engine reports them, with the most RUNNING and the most in flight at once. */
    private static final class ChildWatch implements JobEventListener {
        private final Map<String, JobStatus> status = new HashMap<>();
        final AtomicInteger mostRunning = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();

        @Override
        public synchronized void statusChanged(JobDetail job) {
            if (job.arrayIndex() == null) {
                return;
            }
            status.put(job.jobId(), job.status());
            long running =
                    status.values().stream().filter(s -> s == JobStatus.RUNNING).count();
            long inFlight = running
                    + status.values().stream()
                            .filter(s -> s == JobStatus.STARTING)
                            .count();
            mostRunning.accumulateAndGet((int) running, Math::max);
            mostInFlight.accumulateAndGet((int) inFlight, Math::max);
        }
    }

    @Test
    void neverMoreThanTheSlotsRunWhileMoreAttemptsWaitInTheLaunchersQueue() {
        start(2);
        ChildWatch watch = new ChildWatch();
        batch.jobEvents(watch);
        String script = "mkdir -p running; touch running/$AWS_BATCH_JOB_ARRAY_INDEX; "
                + "ls running | wc -l >> concurrency.txt; rm running/$AWS_BATCH_JOB_ARRAY_INDEX";
        String parent = submit(job("many", script).arraySize(40));
        assertThat(awaitTerminal(parent).status()).isEqualTo(JobStatus.SUCCEEDED);

        assertThat(watch.mostRunning.get()).isLessThanOrEqualTo(2);
        assertThat(watch.mostInFlight.get()).as("attempts sent ahead").isGreaterThan(2);
        assertThat(read(file("concurrency.txt")).lines().mapToInt(l -> Integer.parseInt(l.trim())))
                .hasSize(40)
                .allSatisfy(running -> assertThat(running).isLessThanOrEqualTo(2));
    }

    @Test
    void aFreshArraysChildrenStartInIndexOrder() {
        start(2);
        // each child notes its index as it starts; with 2 slots, a child can only swap places with a neighbour
        String parent = submit(job("ordered", "echo $AWS_BATCH_JOB_ARRAY_INDEX >> starts.txt; sleep 0.1")
                .arraySize(12));
        assertThat(awaitTerminal(parent).status()).isEqualTo(JobStatus.SUCCEEDED);

        List<Integer> starts = read(file("starts.txt"))
                .lines()
                .map(l -> Integer.valueOf(l.trim()))
                .toList();
        assertThat(starts).hasSize(12);
        for (int position = 0; position < starts.size(); position++) {
            assertThat(Math.abs(starts.get(position) - position))
                    .as("child %d started at position %d of %s", starts.get(position), position, starts)
                    .isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aTerminatedAttemptWaitingInTheLaunchersQueueNeverRuns() throws Exception {
        start(1);
        String blocking = submitShell("blocking", blocker("blocking"));
        awaitStatus(blocking, JobStatus.RUNNING);
        String parent = submit(job("queued", "echo queued >> ledger").arraySize(3));
        await(() -> summaryOf(describe(parent)).get(JobStatus.STARTING) == 3, "the children to wait in the queue");

        batch.terminateJob(parent, "abort");
        assertThat(awaitTerminal(parent).status()).isEqualTo(JobStatus.FAILED);
        for (int i = 0; i < 3; i++) {
            JobDetail child = describe(parent + ":" + i);
            assertThat(child.status()).isEqualTo(JobStatus.FAILED);
            assertThat(child.statusReason()).isEqualTo("abort");
            assertThat(child.startedAt()).isNull();
            assertThat(child.attempts())
                    .singleElement()
                    .satisfies(a -> assertThat(a.startedAt()).isNull());
        }
        release();
        assertThat(awaitTerminal(blocking).status()).isEqualTo(JobStatus.SUCCEEDED);
        // the launcher starts in the order sent: a withdrawn child still queued would run before this one
        assertThat(awaitTerminal(submitShell("after", "echo after >> ledger")).status())
                .isEqualTo(JobStatus.SUCCEEDED);
        assertThat(ledger()).containsExactly("blocking", "after");
    }

    @Test
    void aCancelledJobWaitingInTheLaunchersQueueNeverRuns() throws Exception {
        start(1);
        String blocking = submitShell("blocking", blocker("blocking"));
        awaitStatus(blocking, JobStatus.RUNNING);
        String queued = submitShell("queued", "echo queued >> ledger");
        awaitStatus(queued, JobStatus.STARTING);

        batch.cancelJob(queued, "changed my mind");
        JobDetail cancelled = awaitTerminal(queued);
        assertThat(cancelled.status()).isEqualTo(JobStatus.FAILED);
        assertThat(cancelled.statusReason()).isEqualTo("changed my mind");
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.startedAt()).isNull();
        release();
        assertThat(awaitTerminal(blocking).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(awaitTerminal(submitShell("after", "echo after >> ledger")).status())
                .isEqualTo(JobStatus.SUCCEEDED);
        assertThat(ledger()).containsExactly("blocking", "after");
    }

    @Test
    void anAttemptWaitingInTheLaunchersQueueHoldsItsConsumableResource() throws Exception {
        start(1);
        batch.createConsumableResource("licence", 1);
        String blocking = submitShell("blocking", blocker("blocking"));
        awaitStatus(blocking, JobStatus.RUNNING);
        String first = submit(job("first", "echo first >> ledger")
                .consumableResources(List.of(new ConsumableResourceRequirement("licence", 1))));
        String second = submit(job("second", "echo second >> ledger")
                .consumableResources(List.of(new ConsumableResourceRequirement("licence", 1))));
        awaitStatus(first, JobStatus.STARTING);

        assertThat(describe(second).status()).isEqualTo(JobStatus.RUNNABLE);
        assertThat(batch.describeConsumableResources())
                .singleElement()
                .satisfies(r -> assertThat(r.inUseQuantity()).isEqualTo(1));
        release();
        assertThat(awaitTerminal(second).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(describe(first).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(ledger()).containsExactly("blocking", "first", "second");
    }

    @Test
    void anAdoptedAttemptLowersTheLaunchersGateUntilItEnds() throws Exception {
        start(persistent(2));
        String adopted = submitShell("adopted", blocker("adopted"));
        await(() -> Files.exists(file("started-adopted")), "the attempt to run");
        batch.abandon();

        start(persistent(2));
        assertThat(describe(adopted).status()).isEqualTo(JobStatus.RUNNING);
        // a first job starts the launcher: from then on attempts are sent ahead to its queue
        assertThat(awaitTerminal(submitShell("first", "true")).status()).isEqualTo(JobStatus.SUCCEEDED);
        String parent = submit(job(
                        "children",
                        "touch started-$AWS_BATCH_JOB_ARRAY_INDEX; "
                                + "while [ ! -e release-children ]; do sleep 0.02; done")
                .arraySize(3));
        await(() -> summaryOf(describe(parent)).get(JobStatus.RUNNING) == 1, "one child to run beside the adopted");
        assertThat(summaryOf(describe(parent)).get(JobStatus.STARTING))
                .as("sent ahead")
                .isEqualTo(2);
        release(); // the adopted attempt ends; its slot goes to a second child
        assertThat(awaitTerminal(adopted).status()).isEqualTo(JobStatus.SUCCEEDED);
        await(() -> summaryOf(describe(parent)).get(JobStatus.RUNNING) == 2, "a second child to run");

        // the records' own times: the second child started only after the adopted attempt ended
        AttemptRecords records = new AttemptRecords(temp.resolve("logs"));
        records.refresh();
        long adoptedEnded =
                records.read(adopted + "/attempt-1.log").orElseThrow().stoppedAt();
        List<Long> childStarts = List.of(0, 1, 2).stream()
                .map(i -> records.read(ProcessLauncher.logStreamName(parent + ":" + i, 1)))
                .flatMap(java.util.Optional::stream)
                .map(AttemptRecords.Attempt::startedAt)
                .sorted()
                .toList();
        assertThat(childStarts).hasSize(2);
        assertThat(childStarts.get(1)).isGreaterThanOrEqualTo(adoptedEnded);
        Files.createFile(file("release-children"));
        assertThat(awaitTerminal(parent).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void anAttemptQueuedWhenTheEngineDiesNeverStartsThenTheNextEngineStartsItOnce() throws Exception {
        start(persistent(1));
        String blocking = submitShell("blocking", blocker("blocking"));
        awaitStatus(blocking, JobStatus.RUNNING);
        String parent = submit(job("queued", "echo queued-$AWS_BATCH_JOB_ARRAY_INDEX >> ledger")
                .arraySize(3));
        await(() -> summaryOf(describe(parent)).get(JobStatus.STARTING) == 3, "the children to wait in the queue");
        List<ProcessHandle> launchers = ProcessHandle.current()
                .children()
                .filter(p -> p.info().commandLine().orElse("").contains(temp.toString()))
                .toList();
        assertThat(launchers).hasSize(1);
        batch.abandon(); // as kill -9: the launcher's stdin closes

        release();
        await(() -> !launchers.get(0).isAlive(), "the launcher to end with its last child");
        assertThat(ledger()).as("nothing queued started after the engine died").containsExactly("blocking");

        start(persistent(1));
        assertThat(awaitTerminal(parent).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(describe(blocking).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(ledger()).containsExactlyInAnyOrder("blocking", "queued-0", "queued-1", "queued-2");
        assertThat(describe(parent + ":0").attempts()).hasSize(1);
    }
}
