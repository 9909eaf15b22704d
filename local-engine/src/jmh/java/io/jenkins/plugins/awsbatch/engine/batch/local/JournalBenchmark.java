package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The journal's costs against the whole-table snapshot it replaced: appending one child's change (what the
 * scheduler pays under its lock per status change), writing a 100,000-child table whole (what the snapshot paid
 * about once a second, and a compaction pays now and then) and replaying it. Run with bench/journal-jmh.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JournalBenchmark {
    private static final int CHILDREN = 100_000;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private LocalJob runnable;
    private LocalJob succeeded;
    private LocalJob table;
    private Path folder;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        table = array(CHILDREN);
        for (LocalJob child : table.children) {
            finish(child);
        }
        runnable = table.children[1];
        runnable.status = JobStatus.RUNNABLE;
        succeeded = table.children[2];
        folder = Files.createTempDirectory("journal-bench");
        try (OutputStream out = Files.newOutputStream(StateFiles.journal(folder, 0))) {
            for (JournalEntry entry : StateJournal.image(List.of(table), CHILDREN)) {
                JournalCodec.write(out, entry);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** A status-only change (PENDING, RUNNABLE, STARTING): the most frequent line. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int appendStatusChange() throws IOException {
        line.reset();
        JournalCodec.write(line, JournalEntry.JobState.of(runnable));
        return line.size();
    }

    /** A child's end with its attempt: the longest line. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int appendChildEnd() throws IOException {
        line.reset();
        JournalCodec.write(line, JournalEntry.JobState.of(succeeded));
        return line.size();
    }

    /** The whole 100,000-child table as lines: a compaction's serialisation (the old snapshot's was similar). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long writeWholeTable() throws IOException {
        CountingStream out = new CountingStream();
        for (JournalEntry entry : StateJournal.image(List.of(table), CHILDREN)) {
            JournalCodec.write(out, entry);
        }
        return out.count;
    }

    /** Reading the 100,000-child table back from a journal file. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int replayWholeTable() throws IOException {
        return StateReplay.read(folder).topLevelJobs().get(0).children.length;
    }

    private static LocalJob array(int size) {
        JobSpec spec = new JobSpec(
                "bench-s1-0",
                "default",
                "local",
                "arn:aws:batch:local:000000000000:job-definition/t:1",
                size,
                List.of(),
                List.of("true"),
                Map.of("BATCHGRAPH_STAGE", "s1"),
                null,
                null,
                List.of(),
                null,
                List.of(),
                Map.of(),
                true);
        LocalJob parent = new LocalJob(
                "d99fcd06-d514-43d0-9404-6a70a0329a7a", spec, 1_796_539_155_349L, Map.of("batchgraph:stage", "s1"));
        parent.children = new LocalJob[size];
        for (int i = 0; i < size; i++) {
            parent.children[i] = LocalJob.childOf(parent, i);
        }
        return parent;
    }

    private static void finish(LocalJob child) {
        long start = 1_796_539_155_385L + child.index;
        String log = child.jobId().replace(':', '-') + "/attempt-1.log";
        child.status = JobStatus.SUCCEEDED;
        child.statusReason = JobScheduler.CONTAINER_EXITED;
        child.startedAt = start;
        child.stoppedAt = start + 3;
        child.exitCode = 0;
        child.logStreamName(log);
        child.addAttempt(new JobAttempt(start, start + 3, 0, null, log));
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
