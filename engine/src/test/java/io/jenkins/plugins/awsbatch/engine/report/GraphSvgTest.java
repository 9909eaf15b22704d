package io.jenkins.plugins.awsbatch.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The one SVG renderer (the report's page and Jenkins' build page): well-formed XML, and every string that came
 * from a graph, a job or a log escaped, even names the validator would refuse (a build record saved by another
 * version is drawn as it is).
 */
class GraphSvgTest {
    private static final String EVIL = "<script>alert(1)</script>";

    @Test
    void markupInANameAReasonAndAnItemKeyIsEscapedAndTheSvgIsWellFormedXml() throws Exception {
        GraphSpec graph = Json.mapper().readValue("""
                {"name": "g", "stages": [
                  {"name": "<script>alert(1)</script>", "type": "ARRAY", "jobDefinition": "w"},
                  {"name": "next", "type": "ARRAY", "jobDefinition": "w",
                   "dependsOn": [{"stage": "<script>alert(1)</script>", "type": "N_TO_N"}]}]}
                """, GraphSpec.class);
        RunState state = new RunState();
        state.runId = "r-" + EVIL;
        state.name = "g";
        state.graph = graph;
        state.itemCount = 2;
        StageState first = new StageState();
        first.status = StageStatus.UNSTABLE;
        first.reason = EVIL;
        first.counts.put(JobStatus.SUCCEEDED, 1);
        first.counts.put(JobStatus.FAILED, 1);
        first.failedItems.put(1L, new FailedItem(1, EVIL, "job-1", 3, EVIL, List.of(EVIL)));
        state.stages.put(EVIL, first);
        state.stages.put("next", new StageState());

        String svg = GraphSvg.render(RunReport.of(state, Optional.empty(), uri -> Optional.empty()));

        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Element root = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertThat(root.getAttribute("aria-label")).isEqualTo("graph of run r-" + EVIL);
        NodeList groups = root.getElementsByTagName("g");
        Element edge = null;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("edge")) {
                assertThat(edge).as("one edge").isNull();
                edge = g;
            }
        }
        assertThat(edge).isNotNull();
        assertThat(edge.getAttribute("data-from")).isEqualTo(EVIL);
        assertThat(edge.getAttribute("data-to")).isEqualTo("next");
        assertThat(edge.getAttribute("data-type")).isEqualTo("N_TO_N");
        assertThat(((Element) edge.getElementsByTagName("path").item(0)).getAttribute("stroke-width"))
                .isEqualTo("3");
    }
}
