package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on `batchgraph run`: the run's jobs are terminated, the journal says ABORTED, the exit code is 130. */
class AbortSignalTest {
    @TempDir
    Path dir;

    @Test
    void sigintTerminatesRunningJobsJournalsAbortedAndExits130() throws Exception {
        Path marker = dir.resolve("pids");
        Files.createDirectories(marker);
        Path graph = dir.resolve("g.yaml");
        Files.writeString(graph, """
                name: long
                plan: {items: {list: [1, 2, 3, 4]}}
                jobDefinitions: {sh: {command: [sh, -c, 'echo $$ > %s/$AWS_BATCH_JOB_ARRAY_INDEX; exec sleep 60']}}
                stages:
                  - {name: s, jobDefinition: sh}
                  - {name: cleanup, type: cleanup}
                """.formatted(marker));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process cli = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        BatchGraphCli.class.getName(),
                        "run",
                        graph.toString(),
                        "--store",
                        dir.resolve("runs").toUri().toString(),
                        "--run-id",
                        "long-1",
                        "--slots",
                        "2")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("cli.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (countFiles(marker) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<Long> jobPids = Files.list(marker).map(p -> readPid(p)).toList();
            assertThat(jobPids).as(Files.readString(dir.resolve("cli.log"))).hasSize(2);

            new ProcessBuilder("kill", "-INT", String.valueOf(cli.pid()))
                    .start()
                    .waitFor();

            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.exitValue())
                    .as(Files.readString(dir.resolve("cli.log")))
                    .isEqualTo(130);
            for (long pid : jobPids) {
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .as("job process " + pid)
                        .isFalse();
            }
            String state = Files.readString(dir.resolve("runs/long-1/state.json"));
            assertThat(state).contains("\"outcome\":\"ABORTED\"");
            assertThat(dir.resolve("runs/long-1/items")).doesNotExist(); // cleanup ran on abort
            assertThat(Files.readString(dir.resolve("cli.log"))).contains("terminating the run's jobs", "ABORTED");
        } finally {
            cli.destroyForcibly();
        }
    }

    private static long countFiles(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toFile().length() > 0).count();
        }
    }

    private static long readPid(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
