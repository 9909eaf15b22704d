package io.jenkins.plugins.awsbatch;

import hudson.model.Result;
import io.jenkins.plugins.awsbatch.config.AwsBatchGraphConfiguration;
import io.jenkins.plugins.awsbatch.steps.AwsBatchAggregateStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchCleanupStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchFanOutStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchPlanStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchRunStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Runs in a real Jenkins (profile "jenkins"); compiled, never run, by plugin-offline. */
@WithJenkins
class AwsBatchStepsTest {

    @Test
    void snippetGeneratorRoundTrips(JenkinsRule r) throws Exception {
        SnippetizerTester st = new SnippetizerTester(r);
        AwsBatchCleanupStep cleanup = new AwsBatchCleanupStep();
        cleanup.setRunId("recommendations-42");
        st.assertRoundTrip(cleanup, "awsBatchCleanup runId: 'recommendations-42'");
        AwsBatchRunStep run = new AwsBatchRunStep();
        run.setFile("batchgraph.yaml");
        run.setEngine("local");
        st.assertRoundTrip(run, "awsBatchRun engine: 'local', file: 'batchgraph.yaml'");
    }

    /**
     * Steps with {@code Object}-typed arguments: structs leaves a {@code java.util} map or list as it is and the
     * Snippet Generator writes it as a Groovy literal. The sole required argument alone is written without its
     * name, in parentheses because it is a list. Setters equal to a fresh instance's (here {@code wait: true}) are
     * left out; the ones written sort after the constructor's, whichever order structs keeps.
     */
    @Test
    void snippetGeneratorRoundTripsMapAndListArguments(JenkinsRule r) throws Exception {
        SnippetizerTester st = new SnippetizerTester(r);
        st.assertRoundTrip(new AwsBatchPlanStep(List.of("a", "b")), "awsBatchPlan(['a', 'b'])");

        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("runId", "r-1");
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("name", "score");
        stage.put("jobDefinition", "score:1");
        AwsBatchFanOutStep fan = new AwsBatchFanOutStep(plan, List.of(stage));
        fan.setToleratedFailurePercent(5);
        fan.setWait(false);
        st.assertRoundTrip(
                fan,
                "awsBatchFanOut plan: [runId: 'r-1'], stages: [[name: 'score', jobDefinition: 'score:1']], "
                        + "toleratedFailurePercent: 5, wait: false");
    }

    /** The Pipeline Syntax reference pages can describe every step (its parameters' types). */
    @Test
    void stepDocumentationCanBeGenerated(JenkinsRule r) throws Exception {
        SnippetizerTester.assertDocGeneration(AwsBatchPlanStep.class);
        SnippetizerTester.assertDocGeneration(AwsBatchFanOutStep.class);
        SnippetizerTester.assertDocGeneration(AwsBatchAggregateStep.class);
        SnippetizerTester.assertDocGeneration(AwsBatchCleanupStep.class);
        SnippetizerTester.assertDocGeneration(AwsBatchRunStep.class);
    }

    @Test
    void exampleGraphRunsOnTheLocalEngine(JenkinsRule r) throws Exception {
        AwsBatchGraphConfiguration.get().setAllowLocalEngine(true);
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(
                "def plan = awsBatchPlan(engine: 'local', items: ['a', 'b', 'c'], name: 'demo')\n"
                        + "def fan = awsBatchFanOut(engine: 'local', plan: plan, stages: [[name: 'score', "
                        + "jobDefinition: 'score', command: ['sh', '-c', 'echo $BATCHGRAPH_INDEX_OFFSET']]])\n"
                        + "awsBatchCleanup(engine: 'local', plan: plan)\n"
                        + "echo \"outcome=${fan.outcome}\"\n",
                true));
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("outcome=SUCCEEDED", b);
    }

    @Test
    void aPipelineCannotUseTheLocalEngineOrAFileStoreUnlessAnAdministratorAllowedIt(JenkinsRule r) throws Exception {
        WorkflowJob local = r.createProject(WorkflowJob.class, "local");
        local.setDefinition(new CpsFlowDefinition(
                "awsBatchPlan(engine: 'local', items: ['a'], name: 'demo')\necho 'not reached'\n", true));
        WorkflowRun b = local.scheduleBuild2(0).waitForStart();
        r.waitForCompletion(b);
        r.assertBuildStatus(Result.FAILURE, b);
        r.assertLogContains("engine: 'local' runs every job as a process of the Jenkins controller", b);
        r.assertLogNotContains("not reached", b);

        WorkflowJob file = r.createProject(WorkflowJob.class, "file");
        file.setDefinition(new CpsFlowDefinition(
                "awsBatchPlan(engine: 'aws', region: 'eu-west-1', "
                        + "store: 'file:///tmp/anywhere', items: ['a'], name: 'demo')\n",
                true));
        WorkflowRun f = file.scheduleBuild2(0).waitForStart();
        r.waitForCompletion(f);
        r.assertBuildStatus(Result.FAILURE, f);
        r.assertLogContains("is a folder of the Jenkins controller", f);
    }
}
