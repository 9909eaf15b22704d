package io.jenkins.plugins.awsbatch;

import io.jenkins.plugins.awsbatch.steps.AwsBatchCleanupStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchRunStep;
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

    @Test
    void exampleGraphRunsOnTheLocalEngine(JenkinsRule r) throws Exception {
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
}
