package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/resubmit-failed: a failure event's message starts a new run over the failed items only. */
class ResubmitFailedRecipeTest {
    @TempDir
    Path dir;

    @Test
    void theFailureEventOfARunResubmitsExactlyItsFailedItems() throws Exception {
        Path graph = dir.resolve("g.yaml");
        // items b and d fail until the file "fixed" exists (the fix the rerun gets; jobs do not inherit the
        // caller's environment, so the fix cannot be an exported variable)
        Files.writeString(graph, """
                name: rf
                plan: {items: {list: [{id: a}, {id: b}, {id: c}, {id: d}]}}
                jobDefinitions:
                  sh: {command: [sh, -c, 'i=$((BATCHGRAPH_INDEX_OFFSET + AWS_BATCH_JOB_ARRAY_INDEX)); if grep -q "\\"[bd]\\"" ${BATCHGRAPH_ITEMS_URI#file://}/$i.json && [ ! -f %s ]; then exit 3; fi']}
                stages:
                  - {name: score, jobDefinition: sh}
                """.formatted(dir.resolve("fixed")));
        Path newRun = resubmit(graph);
        assertThat(Files.readString(newRun.resolve("items/0.json"))).contains("\"b\"");
        assertThat(Files.readString(newRun.resolve("items/1.json"))).contains("\"d\"");
    }

    @Test
    void theRecipeReadsTheFailedItemsOfAPackedPlan() throws Exception {
        Path graph = dir.resolve("g.yaml");
        // b and d fail by their index here: a packed item is no file of its own to grep
        Files.writeString(graph, """
                name: rf
                plan: {items: {list: [{id: a}, {id: b}, {id: c}, {id: d}]}, itemLayout: packed}
                jobDefinitions:
                  sh: {command: [sh, -c, 'case $((BATCHGRAPH_INDEX_OFFSET + AWS_BATCH_JOB_ARRAY_INDEX)) in 1|3) [ -f %s ] || exit 3;; esac']}
                stages:
                  - {name: score, jobDefinition: sh}
                """.formatted(dir.resolve("fixed")));
        Path newRun = resubmit(graph);
        assertThat(Files.readString(newRun.resolve("items/0.jsonl"))).isEqualTo("{\"id\":\"b\"}\n{\"id\":\"d\"}\n");
    }

    /** Runs the graph (it fails), then the recipe on its failure event; returns the new run's folder. */
    private Path resubmit(Path graph) throws Exception {
        String store = dir.resolve("runs").toUri().toString();
        CliRunner.Outcome failed = CliRunner.run("run", graph.toString(), "--store", store, "--json");
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
        String runId = new ObjectMapper().readTree(failed.out()).get("runId").asText();
        // as SNS delivers the rule's message to an SQS queue without raw delivery
        Path message = dir.resolve("message.json");
        Files.writeString(
                message,
                new ObjectMapper()
                        .createObjectNode()
                        .put("Type", "Notification")
                        .put(
                                "Message",
                                "{\"source\":\"batchgraph\",\"graph\":\"rf\",\"jobName\":\"" + runId
                                        + "-score-0\",\"status\":\"FAILED\",\"statusReason\":\"Array Child Job failed\"}")
                        .toString());

        ProcessBuilder recipe = new ProcessBuilder(
                        "python3",
                        Path.of("../examples/resubmit-failed/resubmit_failed.py")
                                .toAbsolutePath()
                                .toString(),
                        message.toString(),
                        "--graph",
                        graph.toString(),
                        "--store",
                        store,
                        "--batchgraph",
                        Path.of(System.getProperty("java.home"), "bin", "java") + " -cp "
                                + System.getProperty("java.class.path") + " " + BatchGraphCli.class.getName())
                .redirectErrorStream(true);
        Files.writeString(dir.resolve("fixed"), "");
        Process process = recipe.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("resubmitting 2 failed item(s) of run " + runId + " (items 1, 3)");
        List<Path> runs;
        try (var listed = Files.list(dir.resolve("runs"))) {
            runs = listed.filter(p -> !p.getFileName().toString().equals(runId)).toList();
        }
        assertThat(runs).hasSize(1);
        JsonNode manifest =
                new ObjectMapper().readTree(runs.get(0).resolve("manifest.json").toFile());
        assertThat(manifest.toString()).contains("\"itemCount\":2");
        return runs.get(0);
    }
}
