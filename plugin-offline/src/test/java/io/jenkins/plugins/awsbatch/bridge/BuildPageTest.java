package io.jenkins.plugins.awsbatch.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.action.AwsBatchGraphAction;
import io.jenkins.plugins.awsbatch.action.GraphRecord;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.exec.DriverContext;
import io.jenkins.plugins.awsbatch.exec.GraphDriver;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import io.jenkins.plugins.awsbatch.exec.Journal;
import io.jenkins.plugins.awsbatch.exec.PollPolicy;
import io.jenkins.plugins.awsbatch.exec.PollReport;
import io.jenkins.plugins.awsbatch.exec.Settings;
import io.jenkins.plugins.awsbatch.exec.StepKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The build page's data from a real local run through the production driver: the engine's SVG with an arrow per
 * real dependency (not per neighbouring column), the action's progress JSON, escaping of an item key holding
 * markup, the JUnit XML a step's {@code junitXml:} writes into the workspace, and the global "failure events"
 * option calling (or not) the events setup once the run has started.
 */
class BuildPageTest {
    private static final Settings LOCAL = new Settings("local", null, null, null, null, null, null, null);
    private static final PollPolicy FAST = new PollPolicy(20, 300, 1.5, 20_000);
    private static final String EVIL = "<script>alert(1)</script>";
    /** Item 1 fails with exit code 3 after printing markup; the others succeed. */
    private static final String WORK = "i=$((BATCHGRAPH_INDEX_OFFSET + ${AWS_BATCH_JOB_ARRAY_INDEX:-0})); "
            + "if [ \"$i\" = 1 ]; then echo '" + EVIL + "'; exit 3; fi";
    /**
     * prep → score is N_TO_N (score tolerates its one failed item); merge waits for score and side (an aggregate over two stages); side depends on
     * nothing, so it shares prep's column and no arrow may join prep and side or side and score.
     */
    private static final String GRAPH = String.join(
            "\n",
            "name: page",
            "plan:",
            "  items: {list: [a, '" + EVIL + "', c]}",
            "jobDefinitions:",
            "  work: {command: [sh, -c, '" + WORK.replace("'", "''") + "']}",
            "  ok: {command: [sh, -c, 'true']}",
            "stages:",
            "  - {name: prep, type: array, jobDefinition: ok}",
            "  - {name: score, type: array, jobDefinition: work, toleratedFailureCount: 1,"
                    + " dependsOn: [{stage: prep, type: N_TO_N}]}",
            "  - {name: side, type: array, jobDefinition: ok}",
            "  - {name: merge, type: aggregate, jobDefinition: ok, dependsOn: [score, side]}",
            "notify:",
            "  onFailure: [{sns: {topicArn: 'arn:aws:sns:eu-west-1:123456789012:batch'}}]",
            "");

    @TempDir
    File buildDir;

    @TempDir
    Path workspace;

    /** What one driver run left: its last report, its console, and the failure-events calls. */
    private record Finished(PollReport report, String console, List<GraphSpec> eventSetups) {}

    private Finished run(Map<String, Object> args, boolean failureEventsOn) throws Exception {
        List<GraphSpec> setups = new ArrayList<>();
        FailureEvents events =
                FailureEvents.whenEnabled(() -> failureEventsOn, (graph, engine, listener) -> setups.add(graph));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        DriverContext context = new DriverContext(
                new PrintStream(console, true, StandardCharsets.UTF_8),
                buildDir,
                Map.of(),
                null,
                "page#1",
                new DriverContext.WorkspaceReader() {
                    @Override
                    public String read(String relativePath) {
                        return null;
                    }

                    @Override
                    public boolean write(String relativePath, String text) throws java.io.IOException {
                        Path file = workspace.resolve(relativePath);
                        Files.createDirectories(file.getParent());
                        Files.writeString(file, text);
                        return true;
                    }
                });
        GraphRequest request = new GraphRequest(StepKind.RUN, args, LOCAL, Settings.empty(), true, FAST, true);
        Journal journal = new Journal();
        List<String> lines = new ArrayList<>();
        try (GraphDriver driver = EngineDriverFactory.INSTANCE.open(request, context, events)) {
            driver.submit(journal, () -> {});
            long end = System.currentTimeMillis() + 60_000;
            while (true) {
                PollReport report = driver.poll(journal, () -> {});
                lines.addAll(report.getLines());
                if (report.isDone()) {
                    return new Finished(report, String.join("\n", lines) + console, setups);
                }
                assertThat(System.currentTimeMillis())
                        .as("run ended within 60 s")
                        .isLessThan(end);
                Thread.sleep(50);
            }
        }
    }

    private static List<String> edges(String svg) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(
                        "<g class=\"edge\" data-from=\"([^\"]*)\" data-to=\"([^\"]*)\"[^>]*>.*?<text[^>]*>([^<]*)</text></g>")
                .matcher(svg);
        while (m.find()) {
            found.add(m.group(1) + " -> " + m.group(2) + " (" + m.group(3) + ")");
        }
        return found;
    }

    @Test
    void thePageDrawsTheRealEdgesAndItsJsonCarriesTheGraphAndEveryStage() throws Exception {
        Finished run = run(Map.of("text", GRAPH), false);
        GraphRecord record = run.report().getRecord();
        assertThat(record.getOutcome()).as(run.console()).isEqualTo("UNSTABLE");
        String svg = record.getSvg();
        assertThat(svg).startsWith("<svg ").contains("aria-label=\"graph of run " + record.getRunId() + "\"");
        // exactly the graph's three dependencies: prep→score (N_TO_N, drawn bold), score→merge and side→merge
        assertThat(edges(svg))
                .containsExactlyInAnyOrder(
                        "prep -> score (N_TO_N)", "score -> merge (after it)", "side -> merge (after it)");
        assertThat(svg).containsOnlyOnce("stroke-width=\"3\"");
        // the page's script parses it as XML (DOMParser, image/svg+xml): it must be well-formed
        assertThat(DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                        .getDocumentElement()
                        .getTagName())
                .isEqualTo("svg");
        for (String stage : List.of("prep", "score", "side", "merge")) {
            assertThat(svg).contains(">" + stage + "</text>");
        }
        assertThat(svg).contains("data-status=\"UNSTABLE\"").contains("2/3 succeeded, 1 failed");

        AwsBatchGraphAction action = new AwsBatchGraphAction(record);
        JsonNode json = new ObjectMapper().readTree(action.progressJson());
        assertThat(json.path("runId").asText()).isEqualTo(record.getRunId());
        assertThat(json.path("outcome").asText()).isEqualTo("UNSTABLE");
        assertThat(json.path("live").asBoolean())
                .as("an ended run is not polled")
                .isFalse();
        assertThat(json.path("svg").asText()).isEqualTo(svg);
        Map<String, String> dependsOn = new HashMap<>();
        json.path("stages")
                .forEach(s -> dependsOn.put(
                        s.path("name").asText(), s.path("dependsOn").toString()));
        assertThat(dependsOn)
                .containsEntry("score", "[\"prep\"]")
                .containsEntry("side", "[]")
                .containsEntry("merge", "[\"score\",\"side\"]");
    }

    @Test
    void aLiveRunIsPolledAndItsSvgReplacedWhenTheNextRecordArrives() {
        GraphRecord first = new GraphRecord("r-1", "g", "local", null, null, null, List.of(), "<svg>1</svg>");
        AwsBatchGraphAction action = new AwsBatchGraphAction(first);
        assertThat(action.isLive())
                .as("no outcome and no run attached: still running")
                .isTrue();
        GraphRecord merged = first.mergedWith(
                new GraphRecord("r-1", "g", "local", null, "SUCCEEDED", null, List.of(), "<svg>2</svg>"));
        assertThat(merged.getSvg()).isEqualTo("<svg>2</svg>");
        assertThat(new AwsBatchGraphAction(merged).isLive()).isFalse();
        assertThat(first.mergedWith(new GraphRecord("r-1", null, null, null, null, null, List.of(), null))
                        .getSvg())
                .as("an update that could not draw keeps the last picture")
                .isEqualTo("<svg>1</svg>");
    }

    @Test
    void anItemKeyHoldingMarkupIsEscapedInTheSvgAndTheJUnitXmlWrittenToTheWorkspace() throws Exception {
        Map<String, Object> args = new HashMap<>();
        args.put("text", GRAPH);
        args.put("junitXml", "reports/batchgraph-junit.xml");
        Finished run = run(args, false);
        assertThat(run.report().getRecord().getSvg()).doesNotContain("<script");
        assertThat(run.report().getRecord().getStages().get(1).getFailedItems())
                .singleElement()
                .satisfies(f -> assertThat(f.getKey()).isEqualTo(EVIL));
        Path junit = workspace.resolve("reports/batchgraph-junit.xml");
        assertThat(run.console()).contains("junitXml: wrote ").contains("to 'reports/batchgraph-junit.xml'");
        String xml = Files.readString(junit);
        assertThat(xml).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element score = suite(doc, "page.score");
        assertThat(score.getAttribute("tests")).isEqualTo("3");
        assertThat(score.getAttribute("failures")).isEqualTo("1");
        NodeList cases = score.getElementsByTagName("testcase");
        Element failed = (Element) cases.item(1);
        assertThat(failed.getAttribute("name")).isEqualTo("item 1 " + EVIL);
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("exit code 3");
        assertThat(failure.getTextContent()).contains(EVIL);
        assertThat(suite(doc, "page.prep").getAttribute("failures")).isEqualTo("0");
        assertThat(suite(doc, "page.merge").getAttribute("tests")).isEqualTo("1");
    }

    private static Element suite(Document doc, String name) {
        NodeList suites = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element e = (Element) suites.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testsuite " + name);
    }

    @Test
    void aJUnitPathOutsideTheWorkspaceIsRefusedBeforeAnythingIsSubmitted() throws Exception {
        GraphRequest request = new GraphRequest(
                StepKind.RUN,
                Map.of("text", GRAPH, "junitXml", "../junit.xml"),
                LOCAL,
                Settings.empty(),
                true,
                FAST,
                true);
        Journal journal = new Journal();
        DriverContext context = new DriverContext(
                new PrintStream(new ByteArrayOutputStream()), buildDir, Map.of(), null, "page#2", p -> null);
        try (GraphDriver driver = EngineDriverFactory.INSTANCE.open(request, context, FailureEvents.OFF)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.submit(journal, () -> {}))
                    .isInstanceOf(GraphInputException.class)
                    .hasMessageContaining("junitXml: '../junit.xml' must be a path inside the workspace");
        }
        assertThat(journal.getRunId()).as("no run started").isNull();
        assertThat(journal.getEntries()).isEmpty();
    }

    @Test
    void theGlobalOptionOnSetsUpTheGraphsFailureEventsOnceTheRunHasStarted() throws Exception {
        Finished on = run(Map.of("text", GRAPH), true);
        assertThat(on.eventSetups()).singleElement().satisfies(graph -> {
            assertThat(graph.name()).isEqualTo("page");
            assertThat(graph.notifications().onFailure()).hasSize(1);
        });
        Finished off = run(Map.of("text", GRAPH), false);
        assertThat(off.eventSetups()).as("option off: no rule is set up").isEmpty();
        Finished noTargets = run(Map.of("text", GRAPH.substring(0, GRAPH.indexOf("notify:"))), true);
        assertThat(noTargets.eventSetups())
                .as("a graph without notify has nothing to tell")
                .isEmpty();
        Finished stepTargets = run(
                Map.of(
                        "text",
                        GRAPH.substring(0, GRAPH.indexOf("notify:")),
                        "notify",
                        Map.of("onFailure", Map.of("sns", "arn:aws:sns:eu-west-1:123456789012:step"))),
                true);
        assertThat(stepTargets.eventSetups())
                .as("the step's notify: is the run's targets")
                .singleElement()
                .satisfies(
                        graph -> assertThat(graph.notifications().onFailure()).hasSize(1));
    }
}
