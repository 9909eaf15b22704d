package io.jenkins.plugins.awsbatch;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.awsbatch.trigger.AwsBatchS3Trigger;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Secure defaults in a real Jenkins: no AWS identity without credentials or an administrator's consent, and the
 * S3 trigger's life with its job. Runs in a real Jenkins (profile "jenkins"); compiled, never run, by
 * plugin-offline.
 */
@WithJenkins
class AwsBatchSecureDefaultsTest {

    private static WorkflowRun run(JenkinsRule r, String name, String script) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForCompletion(b);
        return b;
    }

    @Test
    void aStepWithoutCredentialsFailsNamingTheFixesInsteadOfUsingTheControllersIdentity(JenkinsRule r)
            throws Exception {
        WorkflowRun b = run(
                r,
                "none",
                "awsBatchPlan(items: ['a'], region: 'eu-west-1', store: 's3://bucket-a/runs')\necho 'not reached'");
        r.assertBuildStatus(Result.FAILURE, b);
        r.assertLogContains("no AWS credentials: set credentialsId: to an 'AWS Credentials' id", b);
        r.assertLogContains("Allow the controller's own AWS identity", b);
        r.assertLogNotContains("not reached", b);

        WorkflowRun profile = run(
                r,
                "profile",
                "withEnv(['AWS_PROFILE=prod']) {\n"
                        + "  awsBatchPlan(items: ['a'], region: 'eu-west-1', store: 's3://bucket-a/runs')\n}");
        r.assertBuildStatus(Result.FAILURE, profile);
        r.assertLogContains("AWS_PROFILE 'prod' names a profile of the controller's own AWS files", profile);
    }

    @Test
    void declarativeTriggerSurvivesAConfigRoundtripAndStopsWhenItsJobIsDeleted(JenkinsRule r) throws Exception {
        WorkflowRun b = run(
                r,
                "triggered",
                "pipeline {\n"
                        + "  agent none\n"
                        + "  triggers {\n"
                        + "    awsBatchS3Trigger(queueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/inbox',\n"
                        + "        bucket: 'inputs', prefix: 'in/', suffix: '.xlsx', region: 'eu-west-1',\n"
                        + "        credentialsId: 'aws-1', endpointUrl: 'http://127.0.0.1:9')\n"
                        + "  }\n"
                        + "  stages { stage('x') { steps { echo 'configured' } } }\n"
                        + "}");
        r.assertBuildStatus(Result.SUCCESS, b);
        WorkflowJob p = r.jenkins.getItemByFullName("triggered", WorkflowJob.class);
        AwsBatchS3Trigger t = ParameterizedJobMixIn.getTrigger(p, AwsBatchS3Trigger.class);
        assertThat(t).isNotNull();
        assertThat(t.isPolling()).isTrue();

        r.configRoundtrip(p);
        AwsBatchS3Trigger after = ParameterizedJobMixIn.getTrigger(p, AwsBatchS3Trigger.class);
        assertThat(after).isNotNull();
        assertThat(after.getQueueUrl()).isEqualTo("https://sqs.eu-west-1.amazonaws.com/123456789012/inbox");
        assertThat(after.getBucket()).isEqualTo("inputs");
        assertThat(after.getPrefix()).isEqualTo("in/");
        assertThat(after.getSuffix()).isEqualTo(".xlsx");
        assertThat(after.getRegion()).isEqualTo("eu-west-1");
        assertThat(after.getCredentialsId()).isEqualTo("aws-1");
        assertThat(after.getEndpointUrl()).isEqualTo("http://127.0.0.1:9");
        assertThat(after.isPolling()).isTrue();

        p.delete();
        assertThat(after.isPolling()).as("deleting the job stops its trigger").isFalse();
    }
}
