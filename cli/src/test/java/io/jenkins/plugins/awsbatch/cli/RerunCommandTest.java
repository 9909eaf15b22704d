package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code run} with failing items, {@code runs}, the fix, {@code rerun --failed}, {@code report}: one run, one id. */
class RerunCommandTest {
    @TempDir
    Path dir;

    @Test
    void rerunFailedMakesTheSameRunSucceedAndItsReportShowsEveryItemPassed() throws Exception {
        String store = dir.resolve("runs").toUri().toString();
        Path graph = dir.resolve("g.yaml");
        // items b and d fail until the file "fixed" exists
        Files.writeString(graph, """
                name: rf
                plan: {items: {list: [{id: a}, {id: b}, {id: c}, {id: d}]}}
                jobDefinitions:
                  sh: {command: [sh, -c, 'i=$((BATCHGRAPH_INDEX_OFFSET + AWS_BATCH_JOB_ARRAY_INDEX)); [ -n "$BATCHGRAPH_INDEX_MAP_URI" ] && i=$(tr -d "[]" < ${BATCHGRAPH_INDEX_MAP_URI#file://} | cut -d, -f$((i + 1))); if grep -q "\\"[bd]\\"" ${BATCHGRAPH_ITEMS_URI#file://}/$i.json && [ ! -f %s ]; then echo "item $i is broken"; exit 3; fi']}
                stages:
                  - {name: score, jobDefinition: sh}
                """.formatted(dir.resolve("fixed")));
        CliRunner.Outcome failed =
                CliRunner.run("run", graph.toString(), "--store", store, "--run-id", "rf-1", "--progress", "none");
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);

        CliRunner.Outcome runs = CliRunner.run("runs", "--store", store, "--json");
        JsonNode listed = new ObjectMapper().readTree(runs.out()).get("runs").get(0);
        assertThat(listed.get("runId").asText()).isEqualTo("rf-1");
        assertThat(listed.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(listed.get("failedItems").asInt()).isEqualTo(2);

        Files.writeString(dir.resolve("fixed"), "");
        CliRunner.Outcome rerun =
                CliRunner.run("rerun", "rf-1", "--failed", "--store", store, "--json", "--progress", "lines");
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(rerun.out());
        assertThat(result.get("runId").asText()).isEqualTo("rf-1");
        assertThat(result.get("outcome").asText()).isEqualTo("SUCCEEDED");
        JsonNode score = result.get("stages").get(0);
        assertThat(score.get("rounds").asInt()).isEqualTo(1);
        assertThat(score.get("recoveredInRound").toString()).isEqualTo("{\"1\":1,\"3\":1}");
        assertThat(score.get("counts").get("SUCCEEDED").asInt()).isEqualTo(4);
        assertThat(result.get("calls").get("SubmitJob").asInt()).isEqualTo(1);
        assertThat(rerun.err()).contains("rf-1-score-0-r1 (array of 2)");

        runs = CliRunner.run("runs", "--store", store, "--json");
        listed = new ObjectMapper().readTree(runs.out()).get("runs");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(listed.get(0).get("failedItems").asInt()).isZero();

        Path out = dir.resolve("report");
        CliRunner.Outcome report = CliRunner.run("report", "rf-1", "--store", store, "--out", out.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        Path xml = out.resolve("junit.xml");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/junit-jenkins.xsd"))
                .newValidator()
                .validate(new StreamSource(xml.toFile()));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("rf.score");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void aRunWithoutFailedItemsOrAnUnknownRunIsRefusedAsInvalidInput() throws Exception {
        String store = dir.resolve("runs").toUri().toString();
        Path graph = dir.resolve("g.yaml");
        Files.writeString(graph, """
                name: ok
                plan: {items: {list: [a, b]}}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                stages: [{name: s, jobDefinition: sh}]
                """);
        assertThat(CliRunner.run("run", graph.toString(), "--store", store, "--run-id", "ok-1", "--progress", "none")
                        .exitCode())
                .isZero();

        CliRunner.Outcome nothing = CliRunner.run("rerun", "ok-1", "--failed", "--store", store);
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err())
                .contains("run ok-1 ended SUCCEEDED with no failed items: nothing to rerun (nothing was submitted)");

        CliRunner.Outcome unknown = CliRunner.run("rerun", "nope-1", "--failed", "--store", store);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("nope-1");

        CliRunner.Outcome withoutFailed = CliRunner.run("rerun", "ok-1", "--store", store);
        assertThat(withoutFailed.exitCode()).isEqualTo(2);
        assertThat(withoutFailed.err()).contains("Missing required option: '--failed'");
    }
}
