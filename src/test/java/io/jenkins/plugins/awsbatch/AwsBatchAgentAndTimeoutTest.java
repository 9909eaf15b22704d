package io.jenkins.plugins.awsbatch;

import hudson.model.Label;
import hudson.model.Result;
import io.jenkins.plugins.awsbatch.config.AwsBatchGraphConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Items files come from the workspace of the agent the steps run on (through FilePath), for both
 * {@code awsBatchPlan} and {@code awsBatchRun}; and {@code timeout} around a waiting step stops it like an abort:
 * the run's jobs are terminated and the build ends ABORTED. Runs in a real Jenkins; compiled, never run, by
 * plugin-offline.
 */
@WithJenkins
class AwsBatchAgentAndTimeoutTest {

    @Test
    void anAgentsWorkspaceFeedsPlanAndRun(JenkinsRule r) throws Exception {
        AwsBatchGraphConfiguration.get().setAllowLocalEngine(true);
        r.createOnlineSlave(Label.get("remote"));
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(
                "node('remote') {\n"
                        + "  writeFile file: 'items.csv', text: 'id\\na\\nb\\n'\n"
                        + "  def plan = awsBatchPlan(engine: 'local', items: [file: 'items.csv'], name: 'agent')\n"
                        + "  echo \"planned=${plan.itemCount}\"\n"
                        + "  writeFile file: 'batchgraph.yaml', text: '''name: agentrun\n"
                        + "engine: local\n"
                        + "plan: {items: {file: items.csv}}\n"
                        + "jobDefinitions: {t: {command: [sh, -c, 'true']}}\n"
                        + "stages:\n"
                        + "  - {name: s, jobDefinition: t}\n"
                        + "'''\n"
                        + "  def run = awsBatchRun(file: 'batchgraph.yaml')\n"
                        + "  echo \"run=${run.outcome}\"\n"
                        + "}\n",
                true));
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("planned=2", b);
        r.assertLogContains("run=SUCCEEDED", b);
    }

    @Test
    void aTimeoutAroundAWaitingStepTerminatesItsJobs(JenkinsRule r) throws Exception {
        AwsBatchGraphConfiguration.get().setAllowLocalEngine(true);
        WorkflowJob p = r.createProject(WorkflowJob.class, "t");
        p.setDefinition(new CpsFlowDefinition(
                "def plan = awsBatchPlan(engine: 'local', items: ['a', 'b'], name: 'timeout')\n"
                        + "timeout(time: 10, unit: 'SECONDS') {\n"
                        + "  awsBatchFanOut(engine: 'local', plan: plan, stages: [[name: 'slow', "
                        + "jobDefinition: 'slow', command: ['sh', '-c', 'sleep 600']]])\n"
                        + "}\n"
                        + "echo 'not reached'\n",
                true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForCompletion(b);
        r.assertBuildStatus(Result.ABORTED, b);
        r.assertLogContains("Asked AWS Batch to terminate", b);
        r.assertLogNotContains("Could not terminate the jobs of", b);
        r.assertLogNotContains("not reached", b);
    }
}
