package io.jenkins.plugins.awsbatch;

import hudson.model.Result;
import io.jenkins.plugins.awsbatch.config.AwsBatchGraphConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Aborting the build while {@code awsBatchFanOut} waits terminates the run's local jobs (the step's
 * {@code stop()}), and the build ends ABORTED. Runs in a real Jenkins (profile "jenkins"); compiled, never
 * run, by plugin-offline.
 */
@WithJenkins
class AwsBatchAbortTest {

    @Test
    void abortTerminatesTheLocalJobs(JenkinsRule r) throws Exception {
        AwsBatchGraphConfiguration.get().setAllowLocalEngine(true);
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(
                "def plan = awsBatchPlan(engine: 'local', items: ['a', 'b', 'c'], name: 'abort')\n"
                        + "awsBatchFanOut(engine: 'local', plan: plan, stages: [[name: 'slow', "
                        + "jobDefinition: 'slow', command: ['sh', '-c', 'sleep 600']]])\n"
                        + "echo 'not reached'\n",
                true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Submitted slow", b);
        b.doStop();
        r.waitForCompletion(b);
        r.assertBuildStatus(Result.ABORTED, b);
        r.assertLogContains("Asked AWS Batch to terminate", b);
        r.assertLogNotContains("Could not terminate the jobs of", b);
        r.assertLogNotContains("not reached", b);
    }
}
