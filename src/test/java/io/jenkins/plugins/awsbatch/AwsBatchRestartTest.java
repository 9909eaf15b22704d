package io.jenkins.plugins.awsbatch;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.awsbatch.action.AwsBatchGraphAction;
import io.jenkins.plugins.awsbatch.action.StageRecord;
import io.jenkins.plugins.awsbatch.config.AwsBatchGraphConfiguration;
import io.jenkins.plugins.awsbatch.steps.AbstractAwsBatchStep;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A Jenkins restart while {@code awsBatchFanOut} waits on the local engine: the build resumes tracking the
 * jobs it journaled and completes, and no job is submitted twice. Runs in a real Jenkins (profile
 * "jenkins"); compiled, never run, by plugin-offline.
 */
class AwsBatchRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    /** Four items, one array job whose children sleep long enough to span the restart. */
    static final String PIPELINE =
            "def plan = awsBatchPlan(engine: 'local', items: ['a', 'b', 'c', 'd'], name: 'restart')\n"
                    + "def fan = awsBatchFanOut(engine: 'local', plan: plan, stages: [[name: 'slow', "
                    + "jobDefinition: 'slow', command: ['sh', '-c', 'sleep 15']]])\n"
                    + "echo \"outcome=${fan.outcome}\"\n"
                    + "echo \"slowJobIds=${fan.jobIds.slow.size()}\"\n"
                    + "awsBatchCleanup(engine: 'local', plan: plan)\n";

    /**
     * Polls at least 15 s apart: session 1's next poll, queued on {@code jenkins.util.Timer} right after its first
     * one, then falls after session 1 shut the timer down ({@code shutdownNow}) instead of running against session
     * 2 from the old execution (both sessions share this JVM, its static pool and local engines).
     */
    static final String POLL_MIN_MILLIS = "15000";

    @Test
    void restartInTheMiddleCompletesWithoutDuplicateJobs() throws Throwable {
        String previous = System.setProperty(AbstractAwsBatchStep.POLL_MIN_PROPERTY, POLL_MIN_MILLIS);
        try {
            sessions.then(r -> {
                AwsBatchGraphConfiguration.get().setAllowLocalEngine(true); // saved: the second session has it too
                WorkflowJob p = r.createProject(WorkflowJob.class, "p");
                p.setDefinition(new CpsFlowDefinition(PIPELINE, true));
                WorkflowRun b = p.scheduleBuild2(0).waitForStart();
                // the array job is journaled and submitted ("Submitted" is printed while still SUBMITTING) ...
                r.waitForMessage("Submitted slow", b);
                // ... then tracked: restart only once the step is TRACKING, which Jenkins saves at shutdown, so
                // that the resumed step takes the tracking path (not "Resuming submission of")
                waitUntilTracked(b, "slow");
            });
            sessions.then(r -> {
                WorkflowJob p = r.jenkins.getItemByFullName("p", WorkflowJob.class);
                WorkflowRun b = p.getBuildByNumber(1);
                r.waitForCompletion(b);
                r.assertBuildStatus(Result.SUCCESS, b);
                r.assertLogContains("Resuming tracking of", b);
                r.assertLogNotContains("Resuming submission of", b);
                r.assertLogContains("outcome=SUCCEEDED", b);
                r.assertLogContains("slowJobIds=1", b);
                assertThat(count("(?m)^Submitted slow", JenkinsRule.getLog(b)))
                        .as("SubmitJob for stage 'slow' across both Jenkins sessions")
                        .isEqualTo(1);
            });
        } finally {
            if (previous == null) {
                System.clearProperty(AbstractAwsBatchStep.POLL_MIN_PROPERTY);
            } else {
                System.setProperty(AbstractAwsBatchStep.POLL_MIN_PROPERTY, previous);
            }
        }
    }

    /**
     * Waits for the step's first poll: only a poll (phase TRACKING) publishes the stage on the build page's
     * {@link AwsBatchGraphAction}.
     */
    static void waitUntilTracked(WorkflowRun b, String stage) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (!hasStage(b, stage)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("stage " + stage + " was never polled");
            }
            Thread.sleep(100);
        }
    }

    static boolean hasStage(WorkflowRun b, String stage) {
        for (AwsBatchGraphAction a : b.getActions(AwsBatchGraphAction.class)) {
            for (StageRecord s : a.getRecord().getStages()) {
                if (stage.equals(s.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    static int count(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
