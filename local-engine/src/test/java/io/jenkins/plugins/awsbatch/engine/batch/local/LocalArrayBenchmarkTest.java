package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobDefinition;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 10,000-child array of {@code true} on two slots, against the raw cost of spawning 10,000 {@code true}
 * processes from Java two at a time. Run with {@code bench/local-array.sh}; excluded from the default build.
 */
@Tag("benchmark")
class LocalArrayBenchmarkTest extends LocalBatchTestSupport {
    private static final int SIZE = Integer.getInteger("bench.size", 10_000);
    private static final int SLOTS = Integer.getInteger("bench.slots", 2);
    /** With -Dbench.persist=true the job table is also journaled to a data directory while it runs. */
    private static final boolean PERSIST = Boolean.getBoolean("bench.persist");

    @Test
    void tenThousandChildArrayRunsAboutAsFastAsSpawningTenThousandProcesses() throws Exception {
        double baseline = rawSpawnSeconds();
        start(PERSIST ? config(SLOTS).withDataDirectory(temp.resolve("data")) : config(SLOTS));
        batch.registerJobDefinition(JobDefinition.ofCommand("trivial", List.of("true")));
        long begin = System.nanoTime();
        String parent = batch.submitJob(SubmitJobRequest.builder()
                        .jobName("bench")
                        .jobQueue("default")
                        .jobDefinition("trivial")
                        .arraySize(SIZE)
                        .build())
                .jobId();
        await(() -> describe(parent).status().isTerminal(), "the array to end", Duration.ofMinutes(10));
        double engine = (System.nanoTime() - begin) / 1e9;
        JobDetail done = describe(parent);
        System.out.printf(
                "BENCH local-array size=%d slots=%d persist=%s engine=%.2fs raw-spawn=%.2fs ratio=%.2f%n",
                SIZE, SLOTS, PERSIST, engine, baseline, engine / baseline);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.statusSummary()).containsEntry(JobStatus.SUCCEEDED, SIZE);
    }

    /** Spawns SIZE `true` processes on SLOTS threads, output to a file, waiting for each: the floor. */
    private double rawSpawnSeconds() throws Exception {
        File log = temp.resolve("raw.log").toFile();
        ExecutorService pool = Executors.newFixedThreadPool(SLOTS);
        AtomicInteger next = new AtomicInteger();
        long begin = System.nanoTime();
        for (int t = 0; t < SLOTS; t++) {
            pool.execute(() -> {
                while (next.getAndIncrement() < SIZE) {
                    try {
                        new ProcessBuilder("true")
                                .redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                                .start()
                                .waitFor();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        return (System.nanoTime() - begin) / 1e9;
    }
}
