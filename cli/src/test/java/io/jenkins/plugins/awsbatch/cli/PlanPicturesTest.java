package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate --plan --format ...} draws the real stages, dependencies and counts, in syntax that parses. */
class PlanPicturesTest {
    private static final Path EXAMPLE = Path.of("../examples/recommendations/batchgraph.yaml");
    private static final Pattern MERMAID_NODE = Pattern.compile("^  (s\\d+)\\[\"([^\"]*)\"]$");
    private static final Pattern MERMAID_EDGE =
            Pattern.compile("^  (s\\d+) (-->|==>|-\\.->)\\|\"([^\"]*)\"\\| (s\\d+)$");

    @TempDir
    Path dir;

    /** Every example and a graph with waves, SEQUENTIAL, partitions and a concurrency resource. */
    private List<Path> graphs() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 25_001; i++) {
            items.append(i).append('\n');
        }
        Files.writeString(dir.resolve("items.jsonl"), items);
        Path wide = dir.resolve("wide graph.yaml");
        Files.writeString(wide, """
                name: wide
                engine: aws
                region: eu-west-1
                store: s3://bucket/runs
                queue: q
                plan: {items: {file: items.jsonl}}
                stages:
                  - {name: a, jobDefinition: d}
                  - {name: b, jobDefinition: d, sequential: true, dependsOn: [{stage: a, type: N_TO_N}]}
                  - {name: api, jobDefinition: d, dependsOn: [b], maxConcurrency: 5000}
                  - {name: gpu, jobDefinition: d, dependsOn: [a], maxConcurrency: 8, consumableResource: gpus}
                  - {name: parts, type: aggregate, jobDefinition: d, dependsOn: [api, gpu], count: {partitionsFrom: api}}
                  - {name: clean, type: cleanup}
                """);
        List<Path> graphs = new ArrayList<>();
        graphs.add(wide);
        try (var examples = Files.list(Path.of("../examples"))) {
            examples.map(d -> d.resolve("batchgraph.yaml"))
                    .filter(Files::isRegularFile)
                    .forEach(graphs::add);
        }
        assertThat(graphs).contains(EXAMPLE);
        return graphs;
    }

    /** Each graph's plan once per format: reading 25,001 items is the slow part. */
    private static final java.util.Map<String, String> PLANS = new java.util.HashMap<>();

    private static String plan(Path file, String format) {
        return PLANS.computeIfAbsent(
                file.getFileName() + "|" + file.toAbsolutePath().getParent().getFileName() + "|" + format,
                k -> readPlan(file, format));
    }

    private static String readPlan(Path file, String format) {
        CliRunner.Outcome run = CliRunner.run("validate", file.toString(), "--plan", "--format", format);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void textNamesChunksWavesSequentialAndEveryDependency() throws Exception {
        String text = plan(graphs().get(0), "text");
        assertThat(text)
                .contains(
                        "items: 25001",
                        "stage a (array, upfront): 3 array job(s) [0..8333, 8334..16667, 16668..25000]",
                        "stage b (array, upfront): 3 array job(s)",
                        "SEQUENTIAL, after [a (N_TO_N)]",
                        "stage api (array, gated): 6 wave(s) of at most 5000",
                        "at most 5000 running: 6 wave(s)",
                        "at most 8 running (consumable resource gpus)",
                        "stage parts (aggregate, gated): one job per partition written by api, after [api, gpu]",
                        "stage clean (cleanup, gated)");
    }

    @Test
    void jsonIsTheLayoutTheRunnerSubmits() throws Exception {
        JsonNode plan = Json.mapper().readTree(plan(graphs().get(0), "json"));
        assertThat(plan.get("items").asLong()).isEqualTo(25_001);
        JsonNode a = plan.get("stages").get(0);
        assertThat(a.get("jobs")).hasSize(3);
        assertThat(a.get("jobs").get(2).get("offset").asLong()).isEqualTo(16_668);
        JsonNode api = plan.get("stages").get(2);
        assertThat(api.get("waves").asBoolean()).isTrue();
        assertThat(api.get("jobs")).hasSize(6);
        assertThat(plan.get("stages").get(1).get("dependsOn").get(0).get("type").asText())
                .isEqualTo("N_TO_N");
        assertThat(plan.get("stages").get(5).get("dependsOn"))
                .extracting(e -> e.get("from").asText())
                .containsExactly("parts"); // cleanup: after the last stage, always
    }

    @Test
    void mermaidOfEveryGraphIsWellFormedAndHasAnArrowPerDependency() throws Exception {
        for (Path graph : graphs()) {
            String mermaid = plan(graph, "mermaid");
            JsonNode layout = Json.mapper().readTree(plan(graph, "json"));
            List<String> lines = mermaid.lines().toList();
            assertThat(lines.get(0)).isEqualTo("flowchart LR");
            Set<String> nodes = new HashSet<>();
            int edges = 0;
            for (String line : lines.subList(1, lines.size())) {
                Matcher node = MERMAID_NODE.matcher(line);
                Matcher edge = MERMAID_EDGE.matcher(line);
                if (node.matches()) {
                    assertThat(nodes.add(node.group(1)))
                            .as("node defined once: " + line)
                            .isTrue();
                    assertThat(node.group(2).replaceAll("</?b>|<br/>", ""))
                            .as(line)
                            .doesNotContain("<", ">", "\"");
                } else {
                    assertThat(edge.matches()).as("a node or an edge: " + line).isTrue();
                    assertThat(nodes).as(line).contains(edge.group(1), edge.group(4));
                    edges++;
                }
            }
            assertThat(nodes).hasSize(layout.get("stages").size());
            int dependencies = 0;
            for (JsonNode stage : layout.get("stages")) {
                dependencies += stage.get("dependsOn").size();
            }
            assertThat(edges).as(graph.toString()).isEqualTo(dependencies);
        }
        assertThat(plan(graphs().get(0), "mermaid"))
                .contains(
                        "s0 ==>|\"N_TO_N\"| s1",
                        "s1 -->|\"after all 3 jobs\"| s2",
                        "SEQUENTIAL: child i after child i-1",
                        "s4 -.->|\"always, last\"| s5");
    }

    @Test
    void dotOfEveryGraphParsesWithGraphviz() throws Exception {
        assertThat(plan(graphs().get(0), "dot"))
                .startsWith("digraph \"wide\" {")
                .contains(
                        "s0 -> s1 [label=\"N_TO_N\", style=bold];", "s4 -> s5 [label=\"always, last\", style=dashed];");
        Assumptions.assumeTrue(hasGraphviz(), "Graphviz dot is not installed (apt-get install graphviz)");
        for (Path graph : graphs()) {
            Process dot =
                    new ProcessBuilder("dot", "-Tsvg").redirectErrorStream(true).start();
            dot.getOutputStream().write(plan(graph, "dot").getBytes(StandardCharsets.UTF_8));
            dot.getOutputStream().close();
            String svg = new String(dot.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(dot.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(dot.exitValue()).as(svg).isZero();
            assertThat(svg).contains("<svg").doesNotContain("Warning", "Error");
        }
    }

    private static boolean hasGraphviz() {
        try {
            return new ProcessBuilder("dot", "-V")
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }
}
