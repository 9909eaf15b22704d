package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.GraphRunner;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journeys across commands, as docs/cli.md describes them: a graph runs, then {@code status},
 * {@code status --json}, {@code logs}, {@code resume}, {@code cleanup} and {@code runs} answer on the finished
 * run and again after cleanup, for graphs with tolerance, retry rounds, a concurrency cap, partitions and zero
 * items; and {@code status} shows the progress of a run still going.
 */
class JourneysTest {
    /** One script for every job: finds its item (through the index map when there is one) and does the mode's work. */
    private static final String JOB = """
            import json, os, sys, urllib.parse
            def path(uri): return urllib.parse.urlparse(uri).path
            mode = sys.argv[1]
            out = path(os.environ["BATCHGRAPH_OUTPUT_URI"]); os.makedirs(out, exist_ok=True)
            stage = os.environ["BATCHGRAPH_STAGE"]
            if mode == "item":
                p = int(os.environ.get("BATCHGRAPH_INDEX_OFFSET", "0")) + int(os.environ.get("AWS_BATCH_JOB_ARRAY_INDEX", "0"))
                m = os.environ.get("BATCHGRAPH_INDEX_MAP_URI")
                i = json.load(open(path(m)))[p] if m else p
                print("item %d in %s" % (i, stage), flush=True)
                once = os.path.join(os.environ["MARKS"], "%s-%d" % (stage, i))
                if str(i) in os.environ.get("FAIL_ONCE", "").split(",") and not os.path.exists(once):
                    open(once, "w").close(); sys.exit(4)
                if str(i) in os.environ.get("FAIL_ALWAYS", "").split(","):
                    sys.exit(5)
                if os.environ.get("HOLD") and not os.path.exists(os.environ["HOLD"]):
                    import time
                    while not os.path.exists(os.environ["HOLD"]): time.sleep(0.05)
                open(os.path.join(out, "%d.json" % i), "w").write("{}")
                open(os.path.join(out, "%d.partitions" % i), "w").write("even\\n" if i % 2 == 0 else "odd\\n")
            elif mode == "partition":
                part, count = os.environ["BATCHGRAPH_PARTITION"], os.environ["BATCHGRAPH_AGGREGATE_COUNT"]
                print("partition %s of %s" % (part, count))
                open(os.path.join(out, part + ".txt"), "w").write("%s of %s" % (part, count))
            else:
                print("merged in %s" % stage)
                open(os.path.join(out, "result.txt"), "w").write("merged")
            """;

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private String store() {
        return dir.resolve("runs").toUri().toString();
    }

    private Path graph(String name, String stages, String items) throws Exception {
        Files.writeString(dir.resolve("job.py"), JOB);
        Files.createDirectories(dir.resolve("marks"));
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                name: %s
                plan: {items: {list: %s}}
                jobDefinitions:
                  item: {command: [python3, job.py, item], environment: {MARKS: '%s'}}
                  partition: {command: [python3, job.py, partition]}
                  merge: {command: [python3, job.py, merge]}
                stages:
                %s
                """.formatted(name, items, dir.resolve("marks"), stages.indent(2)));
        return file;
    }

    private CliRunner.Outcome cli(String... args) {
        String[] withStore = java.util.Arrays.copyOf(args, args.length + 2);
        withStore[args.length] = "--store";
        withStore[args.length + 1] = store();
        return CliRunner.run(withStore);
    }

    /** Runs the graph, then checks every inspecting command on the finished run and again after cleanup. */
    private JsonNode journey(Path file, String runId, int exitCode, String outcome, String logsStage, int logsItem)
            throws Exception {
        return journey(file, runId, exitCode, outcome, logsStage, logsItem, "item " + logsItem + " in " + logsStage);
    }

    private JsonNode journey(
            Path file, String runId, int exitCode, String outcome, String logsStage, int logsItem, String logLine)
            throws Exception {
        CliRunner.Outcome run = cli("run", file.toString(), "--json", "--run-id", runId);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        JsonNode result = json.readTree(run.out());
        assertThat(result.get("outcome").asText()).isEqualTo(outcome);

        for (String phase : List.of("finished", "after cleanup")) {
            CliRunner.Outcome status = cli("status", runId);
            assertThat(status.exitCode()).as(phase + ": " + status.err()).isEqualTo(exitCode);
            assertThat(status.out()).as(phase).contains("run " + runId, outcome);

            CliRunner.Outcome statusJson = cli("status", runId, "--json");
            assertThat(statusJson.exitCode())
                    .as(phase + ": " + statusJson.err())
                    .isZero();
            JsonNode state = json.readTree(statusJson.out());
            assertThat(state.get("outcome").asText()).as(phase).isEqualTo(outcome);

            CliRunner.Outcome logs = cli("logs", runId, logsStage, String.valueOf(logsItem));
            assertThat(logs.exitCode()).as(phase + ": " + logs.err()).isZero();
            assertThat(logs.out()).as(phase).contains(logLine);

            CliRunner.Outcome resume = cli("resume", runId, "--json");
            assertThat(resume.exitCode()).as(phase + ": " + resume.err()).isEqualTo(exitCode);
            assertThat(json.readTree(resume.out()).get("outcome").asText())
                    .as(phase)
                    .isEqualTo(outcome);

            if (phase.equals("finished")) {
                CliRunner.Outcome cleanup = cli("cleanup", runId);
                assertThat(cleanup.exitCode()).as(cleanup.err()).isZero();
                assertThat(cleanup.err()).contains("deleted");
            } else {
                assertThat(state.get("cleanup"))
                        .as("status --json after cleanup")
                        .isNotNull();
                assertThat(status.out()).contains("cleaned up: deleted");
            }
        }
        CliRunner.Outcome runs = cli("runs");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out())
                .containsPattern(runId + "\\s+" + result.get("name").asText() + "\\s+" + outcome);
        return result;
    }

    private static JsonNode stage(JsonNode result, String name) {
        for (JsonNode stage : result.get("stages")) {
            if (stage.get("name").asText().equals(name)) {
                return stage;
            }
        }
        throw new AssertionError("no stage " + name + " in " + result);
    }

    @Test
    void theReadmeExampleCanBeInspectedResumedAndCleanedAfterItRan() throws Exception {
        JsonNode result = journey(
                Path.of("../examples/recommendations/batchgraph.yaml").toAbsolutePath(),
                "example-1",
                0,
                "SUCCEEDED",
                "rank",
                3,
                "ranked item sku-004");

        assertThat(stage(result, "merge").get("counts").get("SUCCEEDED").asInt())
                .isEqualTo(1);
        assertThat(dir.resolve("runs/example-1/stages/merge/output/recommendations.csv"))
                .exists();
    }

    @Test
    void toleratedFailuresThenSurvivorsIsUnstableAndLogsOfTheSurvivorStageWorkAfterCleanup() throws Exception {
        Path file = graph("tolerance", """
                - {name: score, jobDefinition: item, toleratedFailureCount: 1, environment: {FAIL_ALWAYS: '1'}}
                - {name: rank, jobDefinition: item, dependsOn: [score]}
                - {name: merge, type: aggregate, jobDefinition: merge, dependsOn: [rank], count: 1}
                """, "[a, b, c, d]");

        JsonNode result = journey(file, "tolerance-1", 3, "UNSTABLE", "rank", 3);

        assertThat(stage(result, "score").get("counts").get("SUCCEEDED").asInt())
                .isEqualTo(3);
        assertThat(stage(result, "rank").get("counts").get("SUCCEEDED").asInt()).isEqualTo(3);
        assertThat(dir.resolve("runs/tolerance-1/stages/rank/population.json"))
                .as("kept by cleanup")
                .exists();
        assertThat(dir.resolve("runs/tolerance-1/stages/rank/output"))
                .as("deleted by cleanup")
                .doesNotExist();
    }

    @Test
    void retryRoundsCountRecoveredItemsAsSucceededAndLogsShowTheLatestRoundAfterCleanup() throws Exception {
        Path file = graph("retries", """
                - {name: score, jobDefinition: item, retryFailedItems: 2, toleratedFailureCount: 1,
                   environment: {FAIL_ONCE: '2', FAIL_ALWAYS: '5'}}
                - {name: cleanup, type: cleanup}
                """, "[a, b, c, d, e, f, g, h]");

        JsonNode result = journey(file, "retries-1", 3, "UNSTABLE", "score", 2);

        JsonNode score = stage(result, "score");
        assertThat(score.get("counts").get("SUCCEEDED").asInt())
                .as("7 of 8 items succeeded")
                .isEqualTo(7);
        assertThat(score.get("counts").get("FAILED").asInt()).isEqualTo(1);
        assertThat(score.get("recoveredInRound").get("2").asInt()).isEqualTo(1);
        assertThat(score.get("rounds").asInt()).isEqualTo(2);
        assertThat(cli("logs", "retries-1", "score", "5").out()).contains("item 5 in score");
    }

    @Test
    void theRunSummaryCountsRecoveredItems() throws Exception {
        Path file = graph("summary", """
                - {name: score, jobDefinition: item, retryFailedItems: 1, environment: {FAIL_ALWAYS: '1'}}
                """, "[a, b, c]");

        CliRunner.Outcome run = cli("run", file.toString(), "--run-id", "summary-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsPattern("score\\s+FAILED\\s+succeeded 2, failed 1");
    }

    @Test
    void partitionJobsAreToldTheirPartitionAndHowManyThereAre() throws Exception {
        Path file = graph("partitions", """
                - {name: score, jobDefinition: item, maxConcurrency: 2}
                - {name: parts, type: aggregate, jobDefinition: partition, dependsOn: [score], count: {partitionsFrom: score}}
                """, "[a, b, c, d, e]");

        JsonNode result = journey(file, "partitions-1", 0, "SUCCEEDED", "score", 4);

        assertThat(stage(result, "parts").get("jobIds")).hasSize(2);
        Path output = dir.resolve("runs/partitions-1/stages/parts/output");
        assertThat(output.resolve("even.txt")).hasContent("even of 2");
        assertThat(output.resolve("odd.txt")).hasContent("odd of 2");
    }

    @Test
    void zeroItemsSkipTheArraysAndStillRunTheAggregateAfterThem() throws Exception {
        Path file = graph("empty", """
                - {name: score, jobDefinition: item}
                - {name: merge, type: aggregate, jobDefinition: merge, dependsOn: [score], count: 1}
                - {name: cleanup, type: cleanup}
                """, "[]");

        CliRunner.Outcome run = cli("run", file.toString(), "--json", "--run-id", "empty-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json.readTree(run.out());
        assertThat(result.get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(stage(result, "score").get("status").asText()).isEqualTo("SKIPPED");
        assertThat(stage(result, "merge").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(dir.resolve("runs/empty-1/stages/merge/output/result.txt")).hasContent("merged");
        CliRunner.Outcome status = cli("status", "empty-1");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("SUCCEEDED", "score        SKIPPED   no jobs", "(no items)");
        assertThat(cli("logs", "empty-1", "merge", "0").out()).contains("merged in merge");
        assertThat(cli("cleanup", "empty-1").exitCode()).isZero();
        assertThat(cli("status", "empty-1").exitCode()).isZero();
    }

    @Test
    void aStateFileThatCannotBeReadIsReportedWithTheFileTheFieldAndTheCause() throws Exception {
        Path state = dir.resolve("runs/broken-1/state.json");
        Files.createDirectories(state.getParent());
        Files.writeString(
                state,
                "{\"runId\": \"broken-1\", \"graph\": {\"stages\": [{\"name\": \"m\", \"count\": {\"fixed\": 1, \"bogus\": 2}}]}}");

        for (String command : List.of("status", "logs", "resume", "cleanup")) {
            CliRunner.Outcome outcome =
                    command.equals("logs") ? cli(command, "broken-1", "m", "0") : cli(command, "broken-1");
            assertThat(outcome.exitCode()).as(command).isEqualTo(1);
            assertThat(outcome.err())
                    .as(command)
                    .contains(
                            "cannot read the run state at",
                            "broken-1/state.json",
                            "field graph.stages[0].count",
                            "unknown count field 'bogus'");
        }
        assertThat(cli("runs").out()).contains("broken-1", "field graph.stages[0].count");
    }

    @Test
    void statusShowsTheProgressOfARunStillGoing() throws Exception {
        Path hold = dir.resolve("hold");
        Path file = graph("live", """
                - {name: score, jobDefinition: item, environment: {HOLD: '%s'}}
                - {name: merge, type: aggregate, jobDefinition: merge, dependsOn: [score], count: 1}
                """.formatted(hold), "[a, b, c, d]");
        GraphSpec graph =
                new GraphBinder().parse(Files.readString(file), List.of()).withStore(store());
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> {
            try (RunEngine engine = new EngineFactory(Clock.systemUTC())
                    .create(
                            graph,
                            "live-1",
                            dir,
                            new EngineOptions(EngineKind.LOCAL, null, null, null, null, 2),
                            RunListener.NONE)) {
                return GraphRunner.start(engine.services(), graph, dir, "live-1")
                        .runToCompletion();
            }
        });
        try {
            CliRunner.Outcome status = awaitStatus("live-1", "2 running");
            // The runner journals its progress too (what status reads for a run on AWS).
            long deadline = System.currentTimeMillis() + 30_000;
            JsonNode counts = json.createObjectNode();
            while (counts.path("RUNNING").asInt() + counts.path("STARTING").asInt() == 0
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                counts = json.readTree(cli("status", "live-1", "--json").out())
                        .path("stages")
                        .path("score")
                        .path("counts");
            }
            assertThat(counts.path("RUNNING").asInt() + counts.path("STARTING").asInt())
                    .as("journaled counts")
                    .isPositive();

            assertThat(status.exitCode()).isZero();
            assertThat(status.out())
                    .contains("not finished", "batchgraph resume live-1")
                    .containsPattern("score\\s+SUBMITTED 0/4 succeeded, 2 running, 0 failed")
                    .containsPattern("merge\\s+(WAITING|SUBMITTED)");
            assertThat(cli("runs").out()).containsPattern("live-1\\s+live\\s+UNFINISHED");
            // logs of a live run reads the job's log without taking over the run's jobs.
            CliRunner.Outcome logs = cli("logs", "live-1", "score", "0");
            for (long until = System.currentTimeMillis() + 30_000;
                    !logs.out().contains("item 0") && System.currentTimeMillis() < until; ) {
                Thread.sleep(200); // RUNNING comes before the process's first line
                logs = cli("logs", "live-1", "score", "0");
            }
            assertThat(logs.exitCode()).as(logs.err()).isZero();
            assertThat(logs.out()).contains("item 0 in score");
            CliRunner.Outcome notStarted = cli("logs", "live-1", "score", "3");
            assertThat(notStarted.exitCode()).isEqualTo(1);
            assertThat(notStarted.err()).contains("has no log yet");
        } finally {
            Files.writeString(hold, "go");
            // also when an assertion above failed: the held jobs must see the file before the temporary folder
            // goes, or they (and the launcher that waits for them) outlive the test and hold up the build
            running.get(120, TimeUnit.SECONDS);
        }
        assertThat(running.get(120, TimeUnit.SECONDS).outcome().name()).isEqualTo("SUCCEEDED");
        assertThat(cli("status", "live-1").out())
                .containsPattern("score\\s+SUCCEEDED 4/4 succeeded, 0 running, 0 failed");
    }

    private CliRunner.Outcome awaitStatus(String runId, String expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        CliRunner.Outcome status = null;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(dir.resolve("runs").resolve(runId).resolve("state.json"))) {
                status = cli("status", runId);
                if (status.out().contains(expected)) {
                    return status;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "status never showed '" + expected + "': " + (status == null ? "no state" : status.out()));
    }
}
