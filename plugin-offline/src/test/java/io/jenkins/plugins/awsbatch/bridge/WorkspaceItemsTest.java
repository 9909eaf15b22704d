package io.jenkins.plugins.awsbatch.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.exec.DriverContext;
import io.jenkins.plugins.awsbatch.exec.GraphDriver;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import io.jenkins.plugins.awsbatch.exec.Journal;
import io.jenkins.plugins.awsbatch.exec.PollReport;
import io.jenkins.plugins.awsbatch.exec.Settings;
import io.jenkins.plugins.awsbatch.exec.StepKind;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items files come from the build's workspace, wherever it is (here: an "agent" folder the controller reads only
 * through the workspace), for awsBatchPlan and awsBatchRun alike; never from a path of the controller.
 */
@Timeout(60)
class WorkspaceItemsTest {
    private static final Settings LOCAL = new Settings("local", null, null, null, null, null, null, null);

    @TempDir
    File buildDir;

    @TempDir
    File agent;

    @TempDir
    File controller;

    /** The workspace of an agent: not a folder of this machine, files reach it only by copy. */
    private final DriverContext.WorkspaceReader agentWorkspace = new DriverContext.WorkspaceReader() {
        @Override
        public String read(String relativePath) throws IOException {
            return Files.readString(new File(agent, relativePath).toPath());
        }

        @Override
        public boolean copyTo(String relativePath, File target) throws IOException {
            Files.createDirectories(target.toPath().getParent());
            Files.copy(new File(agent, relativePath).toPath(), target.toPath());
            return true;
        }
    };

    private GraphDriver open(StepKind kind, Map<String, Object> args, DriverContext.WorkspaceReader workspace)
            throws Exception {
        GraphRequest request = new GraphRequest(kind, args, LOCAL, Settings.empty(), true, null, true);
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return EngineDriverFactory.INSTANCE.open(
                request, new DriverContext(console, buildDir, Map.of(), null, "job#1", workspace));
    }

    private static PollReport finish(GraphDriver driver, Journal journal) throws Exception {
        driver.submit(journal, () -> {});
        PollReport report = driver.poll(journal, () -> {});
        long end = System.currentTimeMillis() + 30_000;
        while (!report.isDone() && System.currentTimeMillis() < end) {
            Thread.sleep(50);
            report = driver.poll(journal, () -> {});
        }
        assertThat(report.isDone()).isTrue();
        return report;
    }

    /** A graph of one array stage over the items of {@code itemsFile}. */
    private static String graphReading(String itemsFile) {
        return String.join(
                "\n",
                "name: items",
                "plan:",
                "  items: {file: " + itemsFile + ", key: id}",
                "jobDefinitions:",
                "  work: {command: [sh, -c, 'true']}",
                "stages:",
                "  - {name: work, type: array, jobDefinition: work}",
                "");
    }

    private void writeAgentFile(String path, String text) throws IOException {
        File f = new File(agent, path);
        Files.createDirectories(f.toPath().getParent());
        Files.writeString(f.toPath(), text);
    }

    @Test
    void awsBatchPlanReadsItsItemsFileFromTheAgentsWorkspace() throws Exception {
        writeAgentFile("data/items.csv", "id,size\na,1\nb,2\nc,3\n");
        try (GraphDriver driver = open(
                StepKind.PLAN,
                Map.of("name", "demo", "items", Map.of("file", "data/items.csv", "key", "id")),
                agentWorkspace)) {
            PollReport report = finish(driver, new Journal());
            assertThat(report.getResult()).containsEntry("itemCount", 3L);
        }
        assertThat(new File(buildDir, "batchgraph-inputs/data/items.csv")).hasContent("id,size\na,1\nb,2\nc,3\n");
    }

    @Test
    void awsBatchRunReadsPlanItemsFileFromTheWorkspaceNextToItsGraphFile() throws Exception {
        writeAgentFile("graphs/items.csv", "id\nx\ny\n");
        writeAgentFile("graphs/batchgraph.yaml", graphReading("items.csv"));
        try (GraphDriver driver = open(StepKind.RUN, Map.of("file", "graphs/batchgraph.yaml"), agentWorkspace)) {
            PollReport report = finish(driver, new Journal());
            assertThat(report.getOutcome().name()).isEqualTo("SUCCEEDED");
            assertThat(report.getResult()).containsEntry("itemCount", 2L);
        }
    }

    @Test
    void awsBatchRunWithInlineTextReadsItsItemsFileFromTheWorkspaceToo() throws Exception {
        writeAgentFile("items.csv", "id\nx\n");
        String yaml = graphReading("items.csv");
        try (GraphDriver driver = open(StepKind.RUN, Map.of("text", yaml), agentWorkspace)) {
            assertThat(finish(driver, new Journal()).getResult()).containsEntry("itemCount", 1L);
        }
        try (GraphDriver driver = open(StepKind.RUN, Map.of("text", yaml), p -> null)) {
            assertThatThrownBy(() -> driver.submit(new Journal(), () -> {}))
                    .isInstanceOf(GraphInputException.class)
                    .hasMessageContaining("plan.items.file: 'items.csv' is read from the workspace")
                    .hasMessageContaining("node { }");
        }
    }

    @Test
    void pathsOfTheControllerAreRefusedAndNothingIsRead() throws Exception {
        File secret = new File(controller, "secret.csv");
        Files.writeString(secret.toPath(), "id\nsecret\n");
        for (String path : new String[] {
            secret.getAbsolutePath(),
            "../" + controller.getName() + "/secret.csv",
            "data/../../secret.csv",
            "C:\\secret.csv"
        }) {
            try (GraphDriver driver =
                    open(StepKind.PLAN, Map.of("items", Map.of("file", path, "key", "id")), agentWorkspace)) {
                assertThatThrownBy(() -> driver.submit(new Journal(), () -> {}))
                        .as(path)
                        .isInstanceOf(GraphInputException.class)
                        .hasMessageContaining("items.file: '" + path + "' must be a path inside the workspace");
            }
        }
        try (GraphDriver driver = open(StepKind.RUN, Map.of("file", secret.getAbsolutePath()), agentWorkspace)) {
            assertThatThrownBy(() -> driver.submit(new Journal(), () -> {}))
                    .hasMessageContaining(
                            "file: '" + secret.getAbsolutePath() + "' must be a path inside the workspace");
        }
        assertThat(new File(buildDir, "batchgraph-inputs")).doesNotExist();
    }
}
