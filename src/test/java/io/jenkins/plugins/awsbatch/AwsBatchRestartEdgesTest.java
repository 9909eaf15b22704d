package io.jenkins.plugins.awsbatch;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.awsbatch.config.AwsBatchGraphConfiguration;
import io.jenkins.plugins.awsbatch.steps.AbstractAwsBatchStep;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * Jenkins restarts while a step submits and while it stops: no job is submitted twice, and a build stopped
 * across a restart ends ABORTED instead of hanging. Runs in a real Jenkins (profile "jenkins"); compiled,
 * never run, by plugin-offline.
 */
class AwsBatchRestartEdgesTest {
    private static final int STAGES = 12;

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    /** Twelve stages in a chain: their submission spans the restart that follows the first "Submitted". */
    private static String chain() {
        StringBuilder stages = new StringBuilder();
        for (int i = 0; i < STAGES; i++) {
            stages.append(i == 0 ? "" : ", ")
                    .append("[name: 's")
                    .append(i)
                    .append("', jobDefinition: 's")
                    .append(i)
                    .append("', command: ['sh', '-c', 'sleep 2']")
                    .append(i == 0 ? "" : ", dependsOn: ['s" + (i - 1) + "']")
                    .append("]");
        }
        return "def plan = awsBatchPlan(engine: 'local', items: ['a', 'b'], name: 'chain')\n"
                + "def fan = awsBatchFanOut(engine: 'local', plan: plan, stages: [" + stages + "])\n"
                + "echo \"outcome=${fan.outcome}\"\n";
    }

    @Test
    void aRestartDuringSubmissionSubmitsEveryJobOnce() throws Throwable {
        String previous =
                System.setProperty(AbstractAwsBatchStep.POLL_MIN_PROPERTY, AwsBatchRestartTest.POLL_MIN_MILLIS);
        try {
            sessions.then(r -> {
                AwsBatchGraphConfiguration.get().setAllowLocalEngine(true);
                WorkflowJob p = r.createProject(WorkflowJob.class, "p");
                p.setDefinition(new CpsFlowDefinition(chain(), true));
                WorkflowRun b = p.scheduleBuild2(0).waitForStart();
                r.waitForMessage("Submitted s0", b);
            });
            sessions.then(r -> {
                WorkflowRun b =
                        r.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
                r.waitForCompletion(b);
                r.assertBuildStatus(Result.SUCCESS, b);
                r.assertLogContains("outcome=SUCCEEDED", b);
                String log = JenkinsRule.getLog(b);
                for (int i = 0; i < STAGES; i++) {
                    assertThat(AwsBatchRestartTest.count("(?m)^Submitted s" + i + ":", log))
                            .as("SubmitJob for stage s" + i + " across both sessions")
                            .isEqualTo(1);
                }
            });
        } finally {
            restore(previous);
        }
    }

    @Test
    void aRestartWhileStoppingEndsTheBuildAbortedWithItsJobsTerminated() throws Throwable {
        String previous =
                System.setProperty(AbstractAwsBatchStep.POLL_MIN_PROPERTY, AwsBatchRestartTest.POLL_MIN_MILLIS);
        try {
            sessions.then(r -> {
                AwsBatchGraphConfiguration.get().setAllowLocalEngine(true);
                WorkflowJob p = r.createProject(WorkflowJob.class, "p");
                p.setDefinition(new CpsFlowDefinition(
                        "def plan = awsBatchPlan(engine: 'local', items: ['a', 'b'], name: 'stopping')\n"
                                + "awsBatchFanOut(engine: 'local', plan: plan, stages: [[name: 'slow', "
                                + "jobDefinition: 'slow', command: ['sh', '-c', 'sleep 600']]])\n"
                                + "echo 'not reached'\n",
                        true));
                WorkflowRun b = p.scheduleBuild2(0).waitForStart();
                AwsBatchRestartTest.waitUntilTracked(b, "slow");
                b.doStop(); // the restart follows at once: the stop may still be terminating
            });
            sessions.then(r -> {
                WorkflowRun b =
                        r.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
                r.waitForCompletion(b);
                r.assertBuildStatus(Result.ABORTED, b);
                r.assertLogContains("Asked AWS Batch to terminate", b);
                r.assertLogNotContains("not reached", b);
            });
        } finally {
            restore(previous);
        }
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(AbstractAwsBatchStep.POLL_MIN_PROPERTY);
        } else {
            System.setProperty(AbstractAwsBatchStep.POLL_MIN_PROPERTY, previous);
        }
    }
}
