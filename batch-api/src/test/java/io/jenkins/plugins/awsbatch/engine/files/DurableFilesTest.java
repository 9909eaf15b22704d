package io.jenkins.plugins.awsbatch.engine.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durable writes: a reader sees the old or the new content, never a part; creation is exclusive; no temp is left. */
class DurableFilesTest {
    @TempDir
    Path dir;

    @Test
    void aReaderNeverSeesAPartlyWrittenFileWhileItIsReplacedOverAndOver() throws Exception {
        Path target = dir.resolve("state.json");
        byte[] a = filled('a', 2_000_000);
        byte[] b = filled('b', 1_000_000);
        DurableFiles.write(target, a);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    DurableFiles.write(target, i % 2 == 0 ? b : a);
                }
                writing.set(false);
                return null;
            });
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                while (writing.get()) {
                    byte[] seen = Files.readAllBytes(target);
                    assertThat(Arrays.equals(seen, a) || Arrays.equals(seen, b))
                            .as("whole old or whole new content")
                            .isTrue();
                    reads++;
                }
                return reads;
            });
            writer.get(60, TimeUnit.SECONDS);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(a);
        assertThat(namesIn(dir)).containsExactly("state.json"); // no temporary file left behind
    }

    @Test
    void createIsWholeAndExclusiveOneOfManyConcurrentCreatorsWins() throws Exception {
        Path target = dir.resolve("run.lock");
        int creators = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(creators);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < creators; i++) {
                byte[] content = ("creator " + i).getBytes(StandardCharsets.UTF_8);
                results.add(pool.submit(() -> {
                    start.await();
                    return DurableFiles.create(target, content);
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readString(target)).matches("creator \\d");
        assertThat(DurableFiles.create(target, "late".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(Files.readString(target)).doesNotContain("late");
        assertThat(namesIn(dir)).containsExactly("run.lock");
    }

    @Test
    void manyFilesAreWrittenWholeInTheirFoldersReplacingOldContentAndLeavingNoTemporaryFile() throws Exception {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
            files.put(dir.resolve(i % 2 == 0 ? "even" : "odd").resolve(i + ".json"), bytes("{\"item\":" + i + "}"));
        }
        Files.createDirectories(dir.resolve("even"));
        Files.writeString(dir.resolve("even/0.json"), "old");
        long started = System.nanoTime();
        DurableFiles.writeAll(files);
        long millis = (System.nanoTime() - started) / 1_000_000;
        for (Map.Entry<Path, byte[]> file : files.entrySet()) {
            assertThat(Files.readAllBytes(file.getKey())).isEqualTo(file.getValue());
        }
        assertThat(namesIn(dir.resolve("even"))).hasSize(250).noneMatch(n -> n.startsWith(DurableFiles.TEMP_PREFIX));
        assertThat(namesIn(dir.resolve("odd"))).hasSize(250).noneMatch(n -> n.startsWith(DurableFiles.TEMP_PREFIX));
        System.err.println("writeAll of 500 files: " + millis + " ms");
    }

    @Test
    void streamedContentReplacesTheFileWholeAndAFailedWriteLeavesTheOldOneAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("snapshot.jsonl");
        Files.writeString(target, "old\n");
        long size = DurableFiles.write(target, out -> {
            for (int i = 0; i < 10_000; i++) {
                out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        assertThat(size).isEqualTo(Files.size(target));
        assertThat(Files.readAllLines(target)).hasSize(10_000).endsWith("line 9999");

        assertThatThrownBy(() -> DurableFiles.write(target, out -> {
                    out.write("half".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThat(Files.readAllLines(target)).hasSize(10_000);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] filled(char c, int size) {
        byte[] out = new byte[size];
        Arrays.fill(out, (byte) c);
        return out;
    }

    private static List<String> namesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
