package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roff man pages the build writes: one per command, rendered by groff (what man uses) without a warning. */
class RoffManPagesTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandHasAPageAndRerunsPageRendersWithItsSynopsisOptionsAndExitCodes() throws Exception {
        List<Path> pages = RoffManPages.write(BatchGraphCli.commandLine(), dir, "1.2-test");

        assertThat(pages)
                .extracting(p -> p.getFileName().toString())
                .contains(
                        "batchgraph.1",
                        "batchgraph-run.1",
                        "batchgraph-rerun.1",
                        "batchgraph-resume.1",
                        "batchgraph-runs.1");
        String source = Files.readString(dir.resolve("batchgraph-rerun.1"));
        assertThat(source)
                .startsWith(".\\\" Generated")
                .contains(".TH \"BATCHGRAPH-RERUN\" \"1\"", "\\fB\\-\\-failed\\fR");
        assertThat(Files.readString(dir.resolve("batchgraph.1")))
                .contains(".SH EXIT STATUS", "\\fBbatchgraph\\-rerun\\fR(1)");

        Path groff = Path.of("/usr/bin/groff");
        assumeThat(Files.isExecutable(groff)).as("groff installed").isTrue();
        Process render = new ProcessBuilder(
                        groff.toString(),
                        "-man",
                        "-Tutf8",
                        "-ww",
                        dir.resolve("batchgraph-rerun.1").toString())
                .redirectError(dir.resolve("warnings.txt").toFile())
                .start();
        String text = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .replaceAll(".\b", "")
                .replaceAll("\\s+", " "); // groff justifies lines with extra spaces
        assertThat(render.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(render.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("warnings.txt"))).isEmpty();
        assertThat(text)
                .contains(
                        "NAME",
                        "batchgraph-rerun - Run the failed items of a finished run again",
                        "SYNOPSIS",
                        "batchgraph rerun",
                        "--failed",
                        "--progress=auto|bars|lines|none",
                        "batchgraph 1.2-test");
    }

    @Test
    void textThatRoffWouldTakeForARequestOrAnEscapeIsPrintedAsIs() {
        assertThat(RoffManPages.escape(".TH x\n'quoted\na\\b --flag"))
                .isEqualTo("\\&.TH x\n\\&'quoted\na\\eb \\-\\-flag");
    }
}
