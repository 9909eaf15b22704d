package io.jenkins.plugins.awsbatch.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import io.jenkins.plugins.awsbatch.exec.GraphStepExecution;
import io.jenkins.plugins.awsbatch.exec.PollPolicy;
import io.jenkins.plugins.awsbatch.exec.Settings;
import io.jenkins.plugins.awsbatch.exec.StepKind;
import io.jenkins.plugins.awsbatch.offline.FakeContext;
import io.jenkins.plugins.awsbatch.offline.FakeRun;
import io.jenkins.plugins.awsbatch.offline.RealEngineFactory;
import io.jenkins.plugins.awsbatch.steps.AwsBatchPlanStep;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local engine and file: stores reach the Jenkins controller (its processes, its folders): a Pipeline author
 * gets neither unless an administrator allowed them, whatever the step, its graph or its plan map say.
 */
@Timeout(60)
class ControllerAccessTest {
    private static final PollPolicy FAST = new PollPolicy(20, 300, 1.5, 20_000);
    private static final Settings AWS_EU = new Settings("aws", "eu-west-1", "q", null, null, null, null, null);

    @TempDir
    File buildDir;

    @TempDir
    File elsewhere;

    private final List<String> keys = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (String key : keys) {
            RealEngineFactory.shutdown(key);
        }
    }

    private FakeContext.State run(
            StepKind kind, Map<String, Object> args, Settings step, Settings global, boolean allowed) throws Exception {
        String key = UUID.randomUUID().toString();
        keys.add(key);
        FakeContext context = new FakeContext(key, new FakeRun(buildDir));
        // the controller's AWS identity allowed: these tests are about its processes and folders
        GraphStepExecution execution = new GraphStepExecution(
                context,
                new GraphRequest(kind, args, step, global, true, FAST, allowed, true),
                new RealEngineFactory(key));
        execution.start();
        long end = System.currentTimeMillis() + 30_000;
        while (!context.state().done() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertThat(context.state().done()).as("the step finished").isTrue();
        return context.state();
    }

    private static Settings engine(String engine) {
        return new Settings(engine, null, null, null, null, null, null, null);
    }

    private static Settings store(String store) {
        return new Settings("aws", "eu-west-1", "q", store, null, null, null, null);
    }

    private void assertRefused(FakeContext.State s, String field) {
        assertThat(s.success).isNull();
        assertThat(s.failure).isInstanceOf(AbortException.class);
        assertThat(s.failure.getMessage())
                .contains(field)
                .contains("an administrator allows it in Manage Jenkins » System » AWS Batch Graph");
        assertThat(new File(buildDir, "batchgraph"))
                .as("no local store was created")
                .doesNotExist();
    }

    @Test
    void aStepChoosingTheLocalEngineIsRefusedUnlessAnAdministratorAllowedIt() throws Exception {
        FakeContext.State s = run(StepKind.PLAN, Map.of("items", List.of("a", "b")), engine("local"), AWS_EU, false);
        assertRefused(s, "engine: 'local' runs every job as a process of the Jenkins controller");

        FakeContext.State allowed =
                run(StepKind.PLAN, Map.of("items", List.of("a", "b")), engine("local"), AWS_EU, true);
        assertThat(allowed.failure).as(() -> String.valueOf(allowed.failure)).isNull();
        assertThat(new File(buildDir, "batchgraph")).isDirectory();
    }

    @Test
    void theLocalEngineAsTheGlobalDefaultIsRefusedUnlessAllowed() throws Exception {
        FakeContext.State s =
                run(StepKind.PLAN, Map.of("items", List.of("a")), Settings.empty(), engine("local"), false);
        assertRefused(s, "engine: 'local'");
    }

    @Test
    void aFileStoreIsRefusedOnTheAwsEngineAndNothingIsWrittenThere() throws Exception {
        String uri = elsewhere.toURI().toString();
        FakeContext.State s = run(StepKind.PLAN, Map.of("items", List.of("a")), store(uri), Settings.empty(), false);
        assertRefused(s, "store: 'file:");
        assertThat(s.failure.getMessage()).contains(elsewhere.getName());
        assertThat(elsewhere.list()).isEmpty();
    }

    @Test
    void aPlanMapNamingAFileStoreIsRefusedBeforeAnythingIsRead() throws Exception {
        Map<String, Object> plan =
                Map.of("runId", "r-1", "store", elsewhere.toURI().toString());
        FakeContext.State s = run(
                StepKind.FAN_OUT,
                Map.of("plan", plan, "stages", List.of(Map.of("name", "score", "jobDefinition", "score:1"))),
                AWS_EU,
                Settings.empty(),
                false);
        assertRefused(s, "store: 'file:");
    }

    @Test
    void aGraphFileCannotChooseTheLocalEngineEither() throws Exception {
        String yaml = String.join(
                "\n",
                "name: inline",
                "engine: local",
                "plan:",
                "  items: {list: [a]}",
                "jobDefinitions:",
                "  work: {command: [sh, -c, 'true']}",
                "stages:",
                "  - {name: work, type: array, jobDefinition: work}",
                "");
        FakeContext.State s = run(StepKind.RUN, Map.of("text", yaml), Settings.empty(), Settings.empty(), false);
        assertRefused(s, "engine: 'local'");
    }

    @Test
    void aStepsOwnArgumentsNeverGrantControllerAccess() {
        AwsBatchPlanStep step = new AwsBatchPlanStep(List.of("a"));
        step.setEngine("local");
        step.setStore("file:///tmp/x");
        GraphRequest request = step.toRequest(Settings.empty());
        assertThat(request.getSettings().isLocal()).isTrue();
        // only the administrator's decision (toRequest(defaults, allowed) from the global configuration) grants it
        assertThatThrownBy(() -> ControllerAccess.check(request.isControllerAccessAllowed(), "local", null))
                .hasMessageContaining("engine: 'local'");
        assertThatThrownBy(() -> ControllerAccess.check(request.isControllerAccessAllowed(), "aws", "file:///tmp/x"))
                .hasMessageContaining("store: 'file:///tmp/x'");
    }
}
