package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every launcher queue case on perl's launcher, the one the engine uses where python3 is missing. */
class LocalBatchLauncherQueueOnPerlTest extends LocalBatchLauncherQueueTest {
    @Override
    String launcherMode() {
        return "perl";
    }

    @Test
    void theseEnginesStartTheirAttemptsThroughPerlsLauncher() {
        start(2);
        assertThat(awaitTerminal(submitShell("one", "exit 0")).exitCode()).isZero();
        String perlTitle = LauncherProcess.NAME + " " + temp.resolve("logs") + "/";
        assertThat(ProcessHandle.allProcesses().map(p -> commandLine(p.pid())))
                .as("perl's launcher retitles itself; python's cannot")
                .anyMatch(line -> line.startsWith(perlTitle));
    }

    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"))
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
