package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code report RUN}: an HTML page, a Markdown summary and a JUnit XML of items that Jenkins reads. */
class ReportCommandTest {
    @TempDir
    static Path dir;

    static Path out;

    /** Items 2 and 7 fail (exit 3, with markup in their key and log); the stage tolerates them. */
    @BeforeAll
    static void runAndReport() throws Exception {
        Path file = dir.resolve("g.yaml");
        Files.writeString(file, """
                name: demo
                plan: {items: {list: [alpha, beta, "<gamma & co>", delta, eps, zeta, eta, theta, iota, kappa]}}
                jobDefinitions:
                  work: {command: [sh, -c, 'i=$AWS_BATCH_JOB_ARRAY_INDEX; echo "item $i <b>x</b> & y"; if [ $i = 2 ] || [ $i = 7 ]; then echo "ValueError: bad <input>" >&2; exit 3; fi']}
                  sh: {command: [sh, -c, 'true']}
                stages:
                  - {name: score, jobDefinition: work, toleratedFailureCount: 3}
                  - {name: rank, jobDefinition: sh, dependsOn: [score]}
                  - {name: cleanup, type: cleanup}
                """);
        String store = dir.resolve("runs").toUri().toString();
        CliRunner.Outcome run =
                CliRunner.run("run", file.toString(), "--store", store, "--run-id", "demo-1", "--progress", "none");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        out = dir.resolve("report");
        CliRunner.Outcome report = CliRunner.run("report", "demo-1", "--store", store, "--out", out.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.err()).contains("run demo-1 UNSTABLE: wrote", "report.html", "summary.md", "junit.xml");
    }

    @Test
    void junitXmlHasTheShapeJenkinsReadsWithEveryItemATestCase() throws Exception {
        Path xml = out.resolve("junit.xml");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/junit-jenkins.xsd"))
                .newValidator()
                .validate(new StreamSource(xml.toFile()));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        NodeList suites = doc.getElementsByTagName("testsuite");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            names.add(suite.getAttribute("name"));
            assertThat(Integer.parseInt(suite.getAttribute("tests")))
                    .isEqualTo(suite.getElementsByTagName("testcase").getLength());
            assertThat(Integer.parseInt(suite.getAttribute("failures")))
                    .isEqualTo(suite.getElementsByTagName("failure").getLength());
        }
        assertThat(names).containsExactly("demo.score", "demo.rank", "demo.cleanup");
        Element score = (Element) suites.item(0);
        assertThat(score.getAttribute("tests")).isEqualTo("10");
        Element failure = (Element) score.getElementsByTagName("failure").item(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("item 2 <gamma & co>");
        assertThat(failure.getAttribute("message")).isEqualTo("exit code 3: Essential container in task exited");
        assertThat(failure.getTextContent()).contains("item 2 <b>x</b> & y", "ValueError: bad <input>");
        // rank ran over the 8 items that survived score: 2 and 7 are not among its cases
        Element rank = (Element) suites.item(1);
        assertThat(rank.getAttribute("tests")).isEqualTo("8");
        assertThat(Files.readString(out.resolve("junit.xml"))).doesNotContain("classname=\"demo.rank\" name=\"item 2 ");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
    }

    @Test
    void htmlIsSelfContainedWithTheGraphAndEscapesEveryUserString() throws Exception {
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains(
                        "<svg",
                        "data-status=\"UNSTABLE\"",
                        "data-status=\"SUCCEEDED\"",
                        "&lt;gamma &amp; co&gt;",
                        "ValueError: bad &lt;input&gt;",
                        "exit code 3",
                        "item 2 &lt;b&gt;x&lt;/b&gt; &amp; y");
        assertThat(html).doesNotContain("<gamma", "<input>", "<b>x</b>", "<script", "src=\"http", "href=\"http");
        // the SVG draws score → rank and the cleanup after rank
        assertThat(html).contains(">after it</text>", ">always, last</text>");
    }

    @Test
    void markdownSummaryListsStagesAndFailedItems() throws Exception {
        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md)
                .startsWith("## Run `demo-1`: UNSTABLE")
                .contains(
                        "| score | UNSTABLE | 8 | 2 | 10 |",
                        "| 2 | &lt;gamma &amp; co&gt; | 3 | Essential container in task exited |",
                        "| 7 | theta | 3 |");
    }
}
