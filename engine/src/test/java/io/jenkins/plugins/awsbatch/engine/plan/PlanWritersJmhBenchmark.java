package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the planner's item writers. {@code encode*} is the CPU part (records to the bytes of every object), {@code
 * plan*} the whole write phase into a local folder (files made durable). Single shots: one op is one plan. Run with
 * {@code bench/plan-items.sh --jmh} ({@link PlanWritersJmhTest}, tagged benchmark, not in the default suite).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class PlanWritersJmhBenchmark {
    @Param({"10000", "100000"})
    public int items;

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectStore store = new LocalObjectStore();
    private final AtomicInteger runs = new AtomicInteger();
    private List<Item> records;
    private Path folder;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        records = PlanWriteBenchmarkTest.items(items);
        folder = Files.createTempDirectory("plan-writers-jmh");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.deletePrefix(LocalObjectStore.toUri(folder) + "/", LocalObjectStore.toUri(folder.getParent()));
    }

    @Benchmark
    public Map<String, byte[]> encodePacked() {
        return new PackedItemsWriter().encode(records, "file:///bench/items");
    }

    @Benchmark
    public Plan planPacked() {
        return plan("packed");
    }

    @Benchmark
    public Plan planPerItem() {
        return plan("per-item");
    }

    private Plan plan(String layout) {
        RunLayout run = new RunLayout(LocalObjectStore.toUri(folder), "run-" + runs.incrementAndGet());
        return new Planner(null, json, new Chunker(), Clock.systemUTC())
                .write("bench", records, "id", run, store, new ItemDestination(run.itemsUri(), store, layout));
    }
}
