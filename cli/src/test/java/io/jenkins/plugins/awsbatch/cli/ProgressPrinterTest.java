package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgressPrinterTest {
    private static final String ESC = "\033";
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong(1_000_000);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Map<JobStatus, Integer> counts(int succeeded, int failed, int running) {
        return Map.of(JobStatus.SUCCEEDED, succeeded, JobStatus.FAILED, failed, JobStatus.RUNNING, running);
    }

    /** What a terminal shows last: the text after the final cursor-up-and-clear, colours removed. */
    private static List<String> lastFrame(String written) {
        String frame = written.substring(written.lastIndexOf(ESC + "[J") + 3);
        return Arrays.stream(frame.replaceAll(ESC + "\\[[0-9;]*m", "").split("\n"))
                .filter(l -> !l.isEmpty())
                .toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 80, 200})
    void barsFitTheTerminalWidthSoTheyRedrawInPlace(int columns) {
        ProgressPrinter printer =
                new ProgressPrinter(err, ProgressMode.AUTO, Terminal.fixed(true, true, columns), now::get);
        printer.jobSubmitted("score-items-with-a-long-name", "j1", "run-score-0", 10_000);
        printer.jobSubmitted("rank", "j2", "run-rank-0", 10_000);
        printer.progress("score-items-with-a-long-name", counts(0, 0, 0), 25_001);
        now.addAndGet(65_000);
        printer.progress("score-items-with-a-long-name", counts(12_000, 345, 1_000), 25_001);
        printer.progress("rank", counts(25_000, 0, 1), 25_001);
        printer.tick();

        List<String> frame = lastFrame(written());
        assertThat(frame).hasSize(2);
        assertThat(frame).allSatisfy(line -> assertThat(line.length()).isLessThan(columns));
        assertThat(frame.get(0))
                .startsWith(columns == 40 ? "score-it~ [" : "score-items-wit~ [")
                .contains("12345/25001");
        // Redrawn in place: every redraw first moves up over exactly the two lines it drew.
        assertThat(written()).contains(ESC + "[2F" + ESC + "[J");
        if (columns >= 80) {
            assertThat(frame.get(0)).contains("345 failed", "1m05s", "ETA 1m06s");
        }
        if (columns == 200) {
            assertThat(frame.get(0)).contains("[" + "#".repeat(19) + "x-", "1000 running"); // the widest bar, 40
        }
    }

    @Test
    void noColorWritesNoColourEscapes() {
        assertThat(Terminal.colorWanted(Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(Terminal.colorWanted(Map.of("NO_COLOR", "")))
                .isTrue(); // set but empty: ignored, as no-color.org says
        assertThat(Terminal.colorWanted(Map.of())).isTrue();

        new ProgressPrinter(err, ProgressMode.AUTO, Terminal.fixed(true, false, 80), now::get)
                .progress("score", counts(5, 1, 2), 10);
        assertThat(written()).doesNotContain(ESC + "[3").contains("6/10");
        new ProgressPrinter(err, ProgressMode.AUTO, Terminal.fixed(true, true, 80), now::get)
                .progress("score", counts(5, 1, 2), 10);
        assertThat(written()).contains(ESC + "[32m#####", ESC + "[31m1 failed" + ESC + "[0m");
    }

    @Test
    void aLogGetsNoEscapesAndALineOnlyWhenAStageChangedAtMostEveryInterval() {
        ProgressPrinter printer =
                new ProgressPrinter(err, ProgressMode.AUTO, Terminal.fixed(false, true, 80), now::get);
        assertThat(printer.mode()).isEqualTo(ProgressMode.LINES);
        printer.progress("score", counts(0, 0, 2), 2000);
        for (int i = 1; i <= 200; i++) { // 200 changes in 20 s, each reported twice
            now.addAndGet(100);
            printer.progress("score", counts(i * 10, 0, 2), 2000);
            printer.progress("score", counts(i * 10, 0, 2), 2000);
            printer.progress("rank", counts(0, 0, 0), 2000);
            printer.tick();
        }
        printer.stageFinished("score", "SUCCEEDED", null);

        List<String> lines = written().lines().toList();
        assertThat(written()).doesNotContain(ESC);
        List<String> score = lines.stream().filter(l -> l.startsWith("score ")).toList();
        // first change at once, then one per 10 s, then the held-back final counts at the stage's end
        assertThat(score)
                .containsExactly(
                        "score        0/2000 done, 2 running, 0 failed, 0s elapsed",
                        "score        1000/2000 done, 2 running, 0 failed, 10s elapsed, ETA 10s",
                        "score        2000/2000 done, 2 running, 0 failed, 20s elapsed");
        assertThat(lines.stream().filter(l -> l.startsWith("rank ")).toList()).hasSize(1); // never changed
        assertThat(lines).last().isEqualTo("stage score SUCCEEDED after 20s");
    }

    @Test
    void aHeldBackChangeIsPrintedByTheTickerOnceTheIntervalPassed() {
        ProgressPrinter printer =
                new ProgressPrinter(err, ProgressMode.LINES, Terminal.fixed(false, false, 80), now::get);
        printer.progress("score", counts(0, 0, 1), 4);
        now.addAndGet(1_000);
        printer.progress("score", counts(1, 1, 1), 4);
        printer.tick();
        assertThat(written().lines()).hasSize(1);
        now.addAndGet(9_000);
        printer.tick();
        assertThat(written().lines().toList())
                .last()
                .isEqualTo("score        2/4 done, 1 running, 1 failed, 10s elapsed, ETA 10s");
    }

    @Test
    void noneShowsMessagesButNoProgress() {
        ProgressPrinter printer = new ProgressPrinter(err, ProgressMode.NONE, Terminal.fixed(true, true, 80), now::get);
        printer.progress("score", counts(1, 0, 1), 4);
        printer.stageFinished("score", "FAILED", "2 item(s) failed");
        assertThat(written()).isEqualTo("stage score FAILED: 2 item(s) failed after 0s" + System.lineSeparator());
    }
}
