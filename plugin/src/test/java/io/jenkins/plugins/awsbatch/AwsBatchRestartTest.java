package io.jenkins.plugins.awsbatch;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
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

    @Test
    void restartInTheMiddleCompletesWithoutDuplicateJobs() throws Throwable {
        sessions.then(r -> {
            WorkflowJob p = r.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(PIPELINE, true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            // the array job is journaled and submitted; restart while its children still sleep
            r.waitForMessage("Submitted slow", b);
        });
        sessions.then(r -> {
            WorkflowJob p = r.jenkins.getItemByFullName("p", WorkflowJob.class);
            WorkflowRun b = p.getBuildByNumber(1);
            r.waitForCompletion(b);
            r.assertBuildStatus(Result.SUCCESS, b);
            r.assertLogContains("Resuming tracking of", b);
            r.assertLogContains("outcome=SUCCEEDED", b);
            r.assertLogContains("slowJobIds=1", b);
            assertThat(count("(?m)^Submitted slow", JenkinsRule.getLog(b)))
                    .as("SubmitJob for stage 'slow' across both Jenkins sessions")
                    .isEqualTo(1);
        });
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
