package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.lock.RunLock;
import io.jenkins.plugins.awsbatch.engine.run.GraphRunner;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two `batchgraph resume` processes on one run: exactly one executes the remaining work, the other exits 2
 * naming the owner, and no item-stage runs twice (every job appends its stage and item to a ledger). A
 * `cleanup` while the run is resumed is refused the same way.
 */
class OneWriterPerRunTest {
    @TempDir
    Path dir;

    @Test
    void twoConcurrentResumesOfAPartlyRunRunExecuteItOnceAndTheSecondExitsTwoNamingTheOwner() throws Exception {
        Path ledger = dir.resolve("ledger.txt");
        Path graph = dir.resolve("g.yaml");
        Files.writeString(graph, """
                name: part
                plan: {items: {list: [1, 2, 3, 4, 5, 6, 7, 8]}}
                jobDefinitions:
                  j: {command: [sh, -c, 'echo "$BATCHGRAPH_STAGE $AWS_BATCH_JOB_ARRAY_INDEX" >> %s; sleep 2']}
                stages:
                  - {name: a, jobDefinition: j}
                  - {name: b, jobDefinition: j, dependsOn: [{stage: a, type: N_TO_N}]}
                """.formatted(ledger));
        String store = dir.resolve("runs").toUri().toString();

        interruptMidway(graph, store, "part-1", ledger);
        int before = lines(ledger).size();

        Process first = cli(dir.resolve("resume-1.log"), "resume", "part-1", "--store", store, "--slots", "2");
        Process second = cli(dir.resolve("resume-2.log"), "resume", "part-1", "--store", store, "--slots", "2");
        Process loser = awaitFirstExit(first, second);
        Process winner = loser == first ? second : first;
        Path loserLog = dir.resolve(loser == first ? "resume-1.log" : "resume-2.log");
        Path winnerLog = dir.resolve(winner == first ? "resume-1.log" : "resume-2.log");

        assertThat(loser.exitValue()).as(Files.readString(loserLog)).isEqualTo(2);
        assertThat(Files.readString(loserLog))
                .contains("error: run part-1 is in use by pid " + winner.pid() + "@")
                .contains("(batchgraph resume, since ")
                .contains("Wait for it to end");
        assertThat(winner.isAlive()).as("the owner is still at work").isTrue();

        Process cleanup = cli(dir.resolve("cleanup.log"), "cleanup", "part-1", "--store", store);
        assertThat(cleanup.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cleanup.exitValue())
                .as(Files.readString(dir.resolve("cleanup.log")) + Files.readString(winnerLog) + lines(ledger))
                .isEqualTo(2);
        assertThat(Files.readString(dir.resolve("cleanup.log"))).contains("is in use by pid " + winner.pid() + "@");

        boolean ended = winner.waitFor(120, TimeUnit.SECONDS);
        assertThat(ended).as(Files.readString(winnerLog)).isTrue();
        assertThat(winner.exitValue()).as(Files.readString(winnerLog)).isNotEqualTo(2);

        List<String> resumed = lines(ledger).subList(before, lines(ledger).size());
        assertThat(resumed).as("the remaining work ran").isNotEmpty();
        Set<String> once = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (String stageItem : resumed) {
            if (!once.add(stageItem)) {
                twice.add(stageItem);
            }
        }
        assertThat(twice).as("item-stages run twice after the resumes started").isEmpty();
        assertThat(dir.resolve("runs/part-1/run.lock"))
                .as("released at the end")
                .doesNotExist();
    }

    /**
     * A run stopped partway, as a process that ends while its jobs run leaves it: started here, stepped until
     * two jobs began, then its engine closed (its jobs stopped, its job table on disk) and its lock released.
     */
    private void interruptMidway(Path graphFile, String store, String runId, Path ledger) throws Exception {
        GraphSpec graph = EngineFactory.withLocalConcurrencyResources(
                new GraphBinder().read(graphFile, List.of()).withStore(store));
        RunLayout layout = new RunLayout(LocalObjectStore.canonical(store), runId);
        try (RunLock lock = RunLock.acquire(new LocalObjectStore(), layout, "test run", m -> {});
                RunEngine engine = new EngineFactory(Clock.systemUTC())
                        .create(
                                graph,
                                runId,
                                dir,
                                new EngineOptions(EngineKind.LOCAL, null, null, null, null, 2),
                                new RunListener() {})) {
            GraphRunner runner = GraphRunner.start(engine.services(), graph, dir, runId, lock);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (lines(ledger).size() < 2 && System.nanoTime() < deadline) {
                runner.step();
                Thread.sleep(50);
            }
        }
        Thread.sleep(300); // a job forked just before the stop has written its ledger line
        assertThat(lines(ledger)).hasSizeBetween(2, 15);
    }

    private Process cli(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BatchGraphCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static Process awaitFirstExit(Process a, Process b) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!a.isAlive()) {
                return a;
            }
            if (!b.isAlive()) {
                return b;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("neither resume ended");
    }

    private static List<String> lines(Path ledger) throws IOException {
        if (!Files.exists(ledger)) {
            return List.of();
        }
        return Files.readAllLines(ledger).stream().filter(l -> !l.isBlank()).toList();
    }
}
