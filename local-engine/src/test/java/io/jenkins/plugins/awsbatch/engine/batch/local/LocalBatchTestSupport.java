package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.fail;

import io.jenkins.plugins.awsbatch.engine.batch.JobDefinition;
import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh engine per test (two slots, short grace and timeout second), shell-job helpers and polling waits. */
abstract class LocalBatchTestSupport {
    static final Duration WAIT = Duration.ofSeconds(20);
    /** One second of attemptDurationSeconds lasts 10 ms in tests: the 60 s minimum fires after 0.6 s. */
    static final Duration TEST_TIMEOUT_SECOND = Duration.ofMillis(10);

    @TempDir
    Path temp;

    LocalBatchService batch;
    private final List<LocalBatchService> opened = new ArrayList<>();

    LocalBatchService start(int slots) {
        return start(config(slots));
    }

    LocalBatchConfig config(int slots) {
        return LocalBatchConfig.defaults(temp.resolve("logs"))
                .withSlots(slots)
                .withWorkingDirectory(temp)
                .withTerminationGrace(Duration.ofMillis(300));
    }

    /**
     * The launcher the engines of this test use ({@link ProcessLauncher#MODE_PROPERTY}); null: the engine's own
     * choice (python's where it runs). A subclass names another to run every case on it.
     */
    String launcherMode() {
        return null;
    }

    LocalBatchService start(LocalBatchConfig config) {
        String mode = launcherMode();
        if (mode != null && System.getProperty(ProcessLauncher.MODE_PROPERTY) == null) {
            System.setProperty(ProcessLauncher.MODE_PROPERTY, mode);
            try {
                batch = new LocalBatchService(config, TEST_TIMEOUT_SECOND);
            } finally {
                System.clearProperty(ProcessLauncher.MODE_PROPERTY);
            }
        } else {
            batch = new LocalBatchService(config, TEST_TIMEOUT_SECOND);
        }
        opened.add(batch);
        batch.ensureJobQueue("default");
        return batch;
    }

    @AfterEach
    void closeEngines() {
        opened.forEach(LocalBatchService::close);
    }

    /** Registers a definition {@code name} running {@code sh -c script}. */
    String shellDefinition(String name, String script) {
        return batch.registerJobDefinition(JobDefinition.ofCommand(name, List.of("sh", "-c", script)))
                .nameWithRevision();
    }

    SubmitJobRequest.Builder job(String name, String script) {
        String definition = shellDefinition(name, script);
        return SubmitJobRequest.builder().jobName(name).jobQueue("default").jobDefinition(definition);
    }

    String submit(SubmitJobRequest.Builder request) {
        return batch.submitJob(request.build()).jobId();
    }

    String submitShell(String name, String script, JobDependency... dependsOn) {
        return submit(job(name, script).dependsOn(List.of(dependsOn)));
    }

    JobDetail describe(String jobId) {
        List<JobDetail> found = batch.describeJobs(List.of(jobId));
        if (found.isEmpty()) {
            fail("no job " + jobId);
        }
        return found.get(0);
    }

    JobDetail awaitStatus(String jobId, JobStatus status) {
        await(() -> describe(jobId).status() == status, "job " + jobId + " to be " + status);
        return describe(jobId);
    }

    JobDetail awaitTerminal(String jobId) {
        await(() -> describe(jobId).status().isTerminal(), "job " + jobId + " to end");
        return describe(jobId);
    }

    static void await(BooleanSupplier condition, String what) {
        await(condition, what, WAIT);
    }

    static void await(BooleanSupplier condition, String what, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    /** The whole log of the job's latest attempt. */
    List<String> log(String jobId) {
        return batch.logTailer().all(describe(jobId));
    }

    Path file(String name) {
        return temp.resolve(name);
    }

    /** The lines jobs appended to the file {@code ledger} (none yet: empty): one per attempt that ran. */
    List<String> ledger() {
        Path ledger = file("ledger");
        try {
            return Files.exists(ledger) ? Files.readAllLines(ledger) : List.of();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Map<JobStatus, Integer> summaryOf(JobDetail parent) {
        return parent.statusSummary();
    }
}
