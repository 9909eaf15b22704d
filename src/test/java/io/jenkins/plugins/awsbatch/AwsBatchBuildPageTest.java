package io.jenkins.plugins.awsbatch;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.awsbatch.action.AwsBatchGraphAction;
import io.jenkins.plugins.awsbatch.config.AwsBatchGraphConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.CollectingAlertHandler;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTableDataCell;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The build page of a graph run as a browser gets it: the engine's SVG with an arrow per real dependency, an
 * item key holding markup escaped, the progress endpoint's JSON, and the JUnit XML {@code junitXml:} writes into
 * the workspace. Runs in a real Jenkins (profile "jenkins"); compiled, never run, by plugin-offline.
 */
@WithJenkins
class AwsBatchBuildPageTest {
    private static final String EVIL = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(1)>";

    @Test
    void theBuildPageDrawsTheRealEdgesEscapesItemKeysAndServesProgressJson(JenkinsRule r) throws Exception {
        String yaml = String.join(
                "\\n",
                "name: page",
                "plan: {items: {list: [a, '" + EVIL + "', c]}}",
                "jobDefinitions:",
                "  ok: {command: [sh, -c, 'true']}",
                "  work: {command: [sh, -c, 'i=$((BATCHGRAPH_INDEX_OFFSET + ${AWS_BATCH_JOB_ARRAY_INDEX:-0}));"
                        + " [ $i != 1 ] || exit 3']}",
                "stages:",
                "  - {name: prep, type: array, jobDefinition: ok}",
                "  - {name: score, type: array, jobDefinition: work, toleratedFailureCount: 1,"
                        + " dependsOn: [{stage: prep, type: N_TO_N}]}",
                "  - {name: side, type: array, jobDefinition: ok}",
                "  - {name: merge, type: aggregate, jobDefinition: ok, dependsOn: [score, side]}");
        WorkflowRun b = unstableLocalRun(
                r,
                "page",
                "node {\n"
                        + "  def run = awsBatchRun(engine: 'local', text: \"" + yaml.replace("$", "\\$")
                        + "\", junitXml: 'out/junit.xml')\n"
                        + "  echo \"outcome=${run.outcome}\"\n"
                        + "  def xml = readFile('out/junit.xml')\n"
                        + "  echo \"junit escaped=${xml.contains('&lt;script&gt;')} raw=${xml.contains('<script')}\"\n"
                        + "}\n");
        r.assertLogContains("junit escaped=true raw=false", b);

        AwsBatchGraphAction action = b.getAction(AwsBatchGraphAction.class);
        String page = get(r.getURL() + b.getUrl() + action.getUrlName() + "/");
        assertThat(page)
                .contains("<svg ")
                .contains("data-from=\"prep\" data-to=\"score\" data-type=\"N_TO_N\"")
                .contains("data-from=\"score\" data-to=\"merge\"")
                .contains("data-from=\"side\" data-to=\"merge\"")
                .doesNotContain("data-from=\"prep\" data-to=\"side\"")
                .doesNotContain("data-from=\"side\" data-to=\"score\"");
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(EVIL);
        assertThat(page).as("an ended run loads no refresh script").doesNotContain("AwsBatchGraphAction/refresh.js");

        String buildPage = get(r.getURL() + b.getUrl());
        assertThat(buildPage)
                .as("the build's own page shows the graph too")
                .contains("data-from=\"side\" data-to=\"merge\"");

        HttpResponse<String> progress = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(r.getURL() + b.getUrl() + action.getUrlName() + "/progress"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(progress.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(progress.body())
                .contains("\"outcome\":\"UNSTABLE\"")
                .contains("\"live\":false")
                .contains("\"name\":\"merge\",\"dependsOn\":[\"score\",\"side\"]");
    }

    /**
     * The same escaping as a browser sees it: a failed item whose key is an {@code <img onerror>} shows in the
     * failed-items table and in the build's summary as text. With JavaScript on, no alert fires and the DOM holds
     * no such image, on the graph's page or on the build's.
     */
    @Test
    void aFailedItemKeyHoldingMarkupShowsAsTextInTheBrowser(JenkinsRule r) throws Exception {
        String yaml = String.join(
                "\\n",
                "name: markup",
                "plan: {items: {list: [fine, '" + IMG + "']}}",
                "jobDefinitions:",
                "  work: {command: [sh, -c, '[ $((BATCHGRAPH_INDEX_OFFSET + ${AWS_BATCH_JOB_ARRAY_INDEX:-0})) != 1 ]"
                        + " || exit 3']}",
                "stages:",
                "  - {name: score, type: array, jobDefinition: work, toleratedFailureCount: 1}");
        WorkflowRun b = unstableLocalRun(
                r, "markup", "awsBatchRun(engine: 'local', text: \"" + yaml.replace("$", "\\$") + "\")\n");
        AwsBatchGraphAction action = b.getAction(AwsBatchGraphAction.class);

        List<String> alerts = new ArrayList<>();
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            wc.setAlertHandler(new CollectingAlertHandler(alerts));
            HtmlPage graph = wc.getPage(b, action.getUrlName() + "/");
            List<HtmlTableDataCell> keyCells = graph.getByXPath("//table[contains(@class, 'jenkins-table')]//tr/td[2]");
            assertThat(keyCells).extracting(HtmlTableDataCell::getTextContent).containsExactly(IMG);
            assertThat(graph.querySelectorAll("img[onerror]")).isEmpty();

            HtmlPage build = wc.getPage(b, "");
            assertThat(build.querySelectorAll("img[onerror]")).isEmpty();
        }
        assertThat(alerts).as("alerts raised by the pages").isEmpty();
    }

    /** Runs a sandboxed Pipeline with the local engine allowed; its one item failure leaves the build UNSTABLE. */
    private static WorkflowRun unstableLocalRun(JenkinsRule r, String name, String script) throws Exception {
        AwsBatchGraphConfiguration.get().setAllowLocalEngine(true);
        WorkflowJob p = r.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForCompletion(b);
        r.assertBuildStatus(Result.UNSTABLE, b);
        return b;
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
