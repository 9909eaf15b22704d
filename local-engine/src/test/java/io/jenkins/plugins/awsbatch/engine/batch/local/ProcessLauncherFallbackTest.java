package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which launcher the engine uses: python's where it runs, else perl's, else each attempt under its wrapper. */
class ProcessLauncherFallbackTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

    @TempDir
    Path temp;

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private ProcessLauncher launcher;

    @AfterEach
    void stop() {
        if (launcher != null) {
            launcher.shutdown(List.of());
        }
        timers.shutdownNow();
    }

    /** A launcher built with these system properties set, cleared again after. */
    private ProcessLauncher launcherWith(Map<String, String> properties) {
        properties.forEach(System::setProperty);
        try {
            launcher = new ProcessLauncher(temp.resolve("logs"), temp, Duration.ofMillis(300), timers);
            return launcher;
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    /** Runs {@code sh -c script} as attempt 1 of {@code job} and returns its exit status. */
    private int run(String job, String script) throws Exception {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        launcher.start(
                new ProcessLauncher.LaunchPlan(List.of("sh", "-c", script), ENV, job + "/attempt-1.log"),
                new ProcessLauncher.AttemptEvents() {
                    @Override
                    public void started(ProcessHandle process) {}

                    @Override
                    public void notStarted(IOException reason) {
                        exit.completeExceptionally(reason);
                    }

                    @Override
                    public void withdrawn() {
                        exit.completeExceptionally(new IOException("withdrawn"));
                    }

                    @Override
                    public void ended(Integer exitCode) {
                        exit.complete(exitCode);
                    }
                });
        return exit.get(20, TimeUnit.SECONDS);
    }

    /** Every line of the launchers' records files. */
    private List<String> recordLines() throws IOException {
        try (Stream<Path> files = Files.list(temp.resolve("logs"))) {
            List<String> lines = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(LauncherProcess.RECORDS_SUFFIX))
                    .toList()) {
                lines.addAll(Files.readAllLines(file));
            }
            return lines;
        }
    }

    @Test
    void pythonsLauncherIsPreferred() throws Exception {
        launcherWith(Map.of());
        assertThat(run("job", "exit 4")).isEqualTo(4);
        assertThat(launcher.launcherKind()).contains(LauncherProcess.Kind.PYTHON);
    }

    @Test
    void withoutPythonPerlsLauncherRunsTheAttempts() throws Exception {
        launcherWith(Map.of(
                ProcessLauncher.PYTHON_PROPERTY, temp.resolve("no-python-here").toString()));
        assertThat(run("job", "exit 6")).isEqualTo(6);
        assertThat(launcher.launcherKind()).contains(LauncherProcess.Kind.PERL);
        assertThat(recordLines()).anySatisfy(line -> assertThat(line).matches("E \\d+ 6 job/attempt-1"));
    }

    @Test
    void aPythonWithoutPosixSpawnIsPassedOverForPerl() throws Exception {
        // a python that is not python3.8+: it runs, but the launcher script exits before it says READY
        Path oldPython = temp.resolve("old-python");
        Files.writeString(oldPython, "#!/bin/sh\nexit 3\n");
        oldPython.toFile().setExecutable(true);
        launcherWith(Map.of(ProcessLauncher.PYTHON_PROPERTY, oldPython.toString()));
        assertThat(run("job", "exit 0")).isZero();
        assertThat(launcher.launcherKind()).contains(LauncherProcess.Kind.PERL);
    }

    @Test
    void withNeitherTheEngineSpawnsEachAttemptUnderItsWrapper() throws Exception {
        launcherWith(Map.of(
                ProcessLauncher.PYTHON_PROPERTY, temp.resolve("no-python-here").toString(),
                ProcessLauncher.PERL_PROPERTY, temp.resolve("no-perl-here").toString()));
        assertThat(run("job", "exit 5")).isEqualTo(5);
        assertThat(launcher.launcherPid()).isEqualTo(-1);
        assertThat(launcher.launcherKind()).isEmpty();
        assertThat(Files.readString(temp.resolve("logs/job/attempt-1.exitcode")))
                .isEqualTo("5\n");
    }

    @Test
    void theModePropertyChoosesOneLauncherOrNone() throws Exception {
        launcherWith(Map.of(ProcessLauncher.MODE_PROPERTY, "perl"));
        assertThat(run("perl", "exit 0")).isZero();
        assertThat(launcher.launcherKind()).contains(LauncherProcess.Kind.PERL);
        launcher.shutdown(List.of());

        launcherWith(Map.of(ProcessLauncher.MODE_PROPERTY, "direct"));
        assertThat(run("direct", "exit 0")).isZero();
        assertThat(launcher.launcherKind()).isEmpty();
        assertThat(temp.resolve("logs/direct/attempt-1.exitcode")).exists();
    }
}
