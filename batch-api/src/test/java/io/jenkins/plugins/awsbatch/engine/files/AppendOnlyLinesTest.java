package io.jenkins.plugins.awsbatch.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A torn last line (a crash mid-append) is ignored by readers and cut off by the next append, never glued on. */
class AppendOnlyLinesTest {
    @TempDir
    Path dir;

    @Test
    void aTornLastLineIsLeftOutAndSaidSo() throws Exception {
        Path file = dir.resolve("seen.txt");
        Files.writeString(file, "one\ntwo\r\nthr", StandardCharsets.UTF_8);
        AppendOnlyLines.Lines read = AppendOnlyLines.read(file);
        assertThat(read.lines()).containsExactly("one", "two");
        assertThat(read.tornTail()).isTrue();

        Files.writeString(file, "one\ntwo\n", StandardCharsets.UTF_8);
        assertThat(AppendOnlyLines.read(file).lines()).containsExactly("one", "two");
        assertThat(AppendOnlyLines.read(file).tornTail()).isFalse();
        assertThat(AppendOnlyLines.read(dir.resolve("absent")).lines()).isEmpty();
    }

    @Test
    void theNextAppendCutsATornTailOffSoItIsNeverGluedToANewRecord() throws Exception {
        Path file = dir.resolve("records.log");
        AppendOnlyLines.append(file, "first");
        Files.writeString(file, "{\"half\":", StandardCharsets.UTF_8, StandardOpenOption.APPEND); // the crash
        AppendOnlyLines.append(file, "second");
        assertThat(Files.readString(file)).isEqualTo("first\nsecond\n");

        Path onlyTorn = dir.resolve("torn-only.log");
        Files.writeString(onlyTorn, "partial");
        AppendOnlyLines.append(onlyTorn, "whole");
        assertThat(AppendOnlyLines.read(onlyTorn).lines()).containsExactly("whole");
    }

    @Test
    void aTornTailLongerThanOneReadBlockIsCutAtTheLastNewline() throws Exception {
        Path file = dir.resolve("big.log");
        Files.writeString(file, "kept\n" + "x".repeat(10_000), StandardCharsets.UTF_8);
        AppendOnlyLines.append(file, "next");
        assertThat(AppendOnlyLines.read(file).lines()).containsExactly("kept", "next");
    }

    @Test
    void streamingGivesTheSameLinesAcrossReadBlocksAndLeavesOutATornTail() throws Exception {
        Path file = dir.resolve("stream.log");
        String long1 = "a".repeat(70_000);
        String long2 = "b".repeat(130_000);
        Files.writeString(
                file,
                "one\r\n" + long1 + "\n\n" + long2 + "\nlast\n" + "c".repeat(65_535) + "\r\ntorn",
                StandardCharsets.UTF_8);
        List<String> streamed = new ArrayList<>();
        boolean torn = AppendOnlyLines.forEach(file, streamed::add);
        assertThat(streamed).containsExactly("one", long1, "", long2, "last", "c".repeat(65_535));
        assertThat(streamed).isEqualTo(AppendOnlyLines.read(file).lines());
        assertThat(torn).isTrue();

        Files.writeString(file, "whole\n");
        streamed.clear();
        assertThat(AppendOnlyLines.forEach(file, streamed::add)).isFalse();
        assertThat(streamed).containsExactly("whole");
    }
}
