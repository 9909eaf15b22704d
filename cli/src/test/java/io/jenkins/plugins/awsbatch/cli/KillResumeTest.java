package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the real CLI (a separate JVM) at seeded random moments while it plans, submits and tracks a 3-stage
 * N_TO_N graph, then {@code resume}: every (stage, item) ran exactly once (each job appends {@code stage item pid
 * secret} to a ledger), nothing is left running, and the outcome is that of an uninterrupted run. The CLI is
 * started with a planted AWS secret in its environment, which no job may see.
 */
class KillResumeTest {
    private static final int ITEMS = 24;
    private static final List<String> STAGES = List.of("a", "b", "c");
    private static final String SECRET = "planted-secret-value";
    private static final Duration CYCLE_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path graph;
    private Path runs;

    @Test
    void killedAtTwentyOneRandomMomentsEveryResumedRunRanEachItemStageOnceAndLeftNothingRunning() throws Exception {
        killAndResume(3, 7, 20251206L);
    }

    @Test
    @Tag("benchmark")
    void killedAtManyMoreRandomMomentsEveryResumedRunRanEachItemStageOnce() throws Exception {
        killAndResume(10, 10, 7L);
    }

    private void killAndResume(int trials, int killsPerTrial, long seed) throws Exception {
        writeGraph();
        CliRunner.Outcome baseline = CliRunner.run(
                "run",
                graph.toString(),
                "--store",
                runs.toUri().toString(),
                "--run-id",
                "baseline",
                "--slots",
                "4",
                "--json");
        assertThat(baseline.exitCode()).as(baseline.err()).isZero();
        assertExactlyOnce("baseline");

        Random random = new Random(seed);
        Map<String, Integer> killsByPhase = new HashMap<>();
        for (int trial = 0; trial < trials; trial++) {
            String runId = "killed-" + trial;
            for (int kill = 0; kill < killsPerTrial; kill++) {
                Process cli = startCli(runId, false);
                String phase = killAtRandomMoment(cli, runId, random);
                killsByPhase.merge(phase, 1, Integer::sum);
            }
            Process last = startCli(runId, true);
            try {
                assertThat(last.waitFor(CYCLE_LIMIT.toSeconds(), TimeUnit.SECONDS))
                        .as("the last resume to end")
                        .isTrue();
            } finally {
                last.destroyForcibly();
            }
            String out = Files.readString(dir.resolve(runId + ".out"));
            assertThat(last.exitValue())
                    .as(Files.readString(dir.resolve(runId + ".err")))
                    .isZero();
            assertThat(outcomeOf(out)).isEqualTo(outcomeOf(baseline.out()));
            assertExactlyOnce(runId);
            // a killed CLI's launcher ends just after its last child: the children must be gone, it may linger
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!attemptProcesses().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(attemptProcesses()).as("job processes left running").isEmpty();
        }
        System.err.println("kill/resume: " + trials + " trial(s), kills by phase " + killsByPhase);
        assertThat(killsByPhase.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(trials * killsPerTrial);
        assertThat(killsByPhase.keySet())
                .as("kills by phase " + killsByPhase)
                .contains("planning", "submission", "tracking");
    }

    private void writeGraph() throws IOException {
        runs = dir.resolve("runs");
        graph = dir.resolve("graph.yaml");
        String items = java.util.stream.IntStream.range(0, ITEMS)
                .mapToObj(i -> "i" + i)
                .collect(Collectors.joining(", "));
        String line = "echo \"$BATCHGRAPH_STAGE $((BATCHGRAPH_INDEX_OFFSET + ${AWS_BATCH_JOB_ARRAY_INDEX:-0})) $$ "
                + "${AWS_SECRET_ACCESS_KEY:-none}\" >> " + dir + "/ledger-$BATCHGRAPH_RUN_ID";
        Files.writeString(graph, """
                name: killed
                plan: {items: {list: [%s]}}
                jobDefinitions: {work: {command: [sh, -c, 'sleep 0.05; %s']}}
                stages:
                  - {name: a, type: array, jobDefinition: work}
                  - {name: b, type: array, jobDefinition: work, dependsOn: [{stage: a, type: N_TO_N}]}
                  - {name: c, type: array, jobDefinition: work, dependsOn: [{stage: b, type: N_TO_N}]}
                """.formatted(items, line));
    }

    /** {@code run} while the run has no journal yet (killed before it wrote one), else {@code resume}. */
    private Process startCli(String runId, boolean json) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), BatchGraphCli.class.getName()));
        if (Files.exists(runs.resolve(runId).resolve("state.json"))) {
            command.addAll(List.of("resume", runId));
        } else {
            command.addAll(List.of("run", graph.toString(), "--run-id", runId));
        }
        command.addAll(List.of("--store", runs.toUri().toString(), "--slots", "4"));
        if (json) {
            command.add("--json");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(runId + ".out").toFile())
                .redirectError(dir.resolve(runId + ".err").toFile());
        builder.environment().put("AWS_SECRET_ACCESS_KEY", SECRET);
        return builder.start();
    }

    /**
     * Waits for a seeded random point of one phase, then SIGKILLs the CLI: planning (its run folder just
     * appeared), submission (just after the plan was journaled) or tracking (after k item-stages ran).
     */
    private String killAtRandomMoment(Process cli, String runId, Random random) throws Exception {
        Path run = runs.resolve(runId);
        String phase = List.of("planning", "submission", "tracking").get(random.nextInt(3));
        BooleanSupplier reached =
                switch (phase) {
                    case "planning" -> () -> Files.isDirectory(run);
                    case "submission" -> () -> journalMentions(run, "\"itemCount\":" + ITEMS);
                    default -> {
                        int lines = 1 + random.nextInt(ITEMS * STAGES.size() - 1);
                        yield () -> ledger(runId).size() >= lines;
                    }
                };
        long extraDelayMs = random.nextInt(phase.equals("tracking") ? 20 : 120);
        long deadline = System.nanoTime() + CYCLE_LIMIT.toNanos();
        while (cli.isAlive() && !reached.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(extraDelayMs);
        cli.destroyForcibly(); // SIGKILL
        cli.waitFor(10, TimeUnit.SECONDS);
        return phase;
    }

    private static boolean journalMentions(Path run, String text) {
        try {
            Path state = run.resolve("state.json");
            return Files.exists(state) && Files.readString(state).contains(text);
        } catch (IOException e) {
            return false; // being replaced
        }
    }

    private List<String> ledger(String runId) {
        try {
            Path file = dir.resolve("ledger-" + runId);
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** 0 duplicates, 0 lost: each (stage, item) exactly once; and no job saw the planted secret. */
    private void assertExactlyOnce(String runId) {
        List<String> lines = ledger(runId);
        Map<String, Long> runsPerItemStage = lines.stream()
                .map(l -> l.split(" "))
                .collect(Collectors.groupingBy(f -> f[0] + " " + f[1], Collectors.counting()));
        assertThat(runsPerItemStage.entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey))
                .as("item-stages that ran twice in " + runId)
                .isEmpty();
        assertThat(runsPerItemStage).as("item-stages of " + runId).hasSize(ITEMS * STAGES.size());
        assertThat(lines).as("what jobs saw of AWS_SECRET_ACCESS_KEY").allMatch(l -> l.endsWith(" none"));
    }

    /** Job processes of any run of this test still alive: children of its launchers, or wrappers without one. */
    private List<ProcessHandle> attemptProcesses() {
        String marker = "batchgraph-attempt " + runs;
        List<ProcessHandle> wrappers = ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
        List<ProcessHandle> launched = ProcessHandle.allProcesses()
                // perl's launcher retitles itself "batchgraph-launcher <records>"; python's has those as its last
                // arguments
                .filter(p -> title(p).contains("batchgraph-launcher") && title(p).contains(runs.toString()))
                .flatMap(ProcessHandle::descendants)
                .filter(ProcessHandle::isAlive)
                .toList();
        List<ProcessHandle> all = new ArrayList<>(wrappers);
        all.addAll(launched);
        return all;
    }

    /** The command line a process shows (perl's launcher sets its own title). */
    private static String title(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The outcome and each stage's status, from a {@code --json} result. */
    private static String outcomeOf(String json) throws IOException {
        JsonNode result = new ObjectMapper().readTree(json);
        StringBuilder summary = new StringBuilder(result.path("outcome").asText());
        for (JsonNode stage : result.path("stages")) {
            summary.append(' ')
                    .append(stage.path("name").asText())
                    .append('=')
                    .append(stage.path("status").asText());
        }
        return summary.toString();
    }
}
