package io.jenkins.plugins.awsbatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Item;
import io.jenkins.plugins.awsbatch.config.AwsBatchGraphConfiguration;
import io.jenkins.plugins.awsbatch.steps.AwsBatchAggregateStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchCleanupStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchFanOutStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchPlanStep;
import io.jenkins.plugins.awsbatch.steps.AwsBatchRunStep;
import io.jenkins.plugins.awsbatch.trigger.AwsBatchS3Trigger;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every form method of the plugin (doCheck and doFill of the global configuration, of the steps' shared
 * descriptor and of the S3 trigger's) as a browser calls it, through {@link JenkinsRule.WebClient}:
 * <ul>
 * <li>a validation for someone without the permission it needs is refused with 403 (or, for the trigger's queue
 * URL, answered with no message at all);</li>
 * <li>a credentials drop-down for someone without the permission lists only the value they typed, never the
 * stored credentials' ids;</li>
 * <li>both are POST only: a GET finds no web method (404, Stapler's verb interceptor cancels the dispatch);</li>
 * <li>an administrator (or, in a job, its configurer) gets 200 and the real answer.</li>
 * </ul>
 * The engine drop-downs are static lists of the engines' names, so they are served by GET to anyone who may read
 * Jenkins. Runs in a real Jenkins (profile "jenkins"); compiled, never run, by plugin-offline.
 */
@WithJenkins
class AwsBatchFormSecurityTest {
    private static final String STORED_ID = "aws-stored";
    private static final String TYPED = "typed-by-hand";
    private static final List<Class<?>> STEPS = List.of(
            AwsBatchPlanStep.class,
            AwsBatchRunStep.class,
            AwsBatchFanOutStep.class,
            AwsBatchAggregateStep.class,
            AwsBatchCleanupStep.class);

    /** What a user got back: the status and the body as text. */
    private record Reply(int status, String body) {}

    /**
     * A job {@code p}; {@code admin} administers Jenkins, {@code configurer} may configure {@code p},
     * {@code reader} may only read it; one 'AWS Credentials' stored globally.
     */
    private static WorkflowJob secured(JenkinsRule r) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader", "configurer")
                .grant(Item.READ)
                .onItems(p)
                .to("reader", "configurer")
                .grant(Item.CONFIGURE)
                .onItems(p)
                .to("configurer"));
        CredentialsStores.ownedBy(r.jenkins)
                .addCredentials(
                        Domain.global(),
                        new AWSCredentialsImpl(
                                CredentialsScope.GLOBAL, STORED_ID, "AKIASTOREDEXAMPLE", "stored-secret", "stored"));
        return p;
    }

    /** One logged-in browser per user (JenkinsRule closes them at the end of the test). */
    private static final class Browsers {
        private final JenkinsRule r;
        private final Map<String, JenkinsRule.WebClient> clients = new HashMap<>();

        Browsers(JenkinsRule r) {
            this.r = r;
        }

        private JenkinsRule.WebClient as(String user) throws Exception {
            JenkinsRule.WebClient wc = clients.get(user);
            if (wc == null) {
                wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);
                wc.login(user);
                clients.put(user, wc);
            }
            return wc;
        }

        Reply post(String user, String path) throws Exception {
            JenkinsRule.WebClient wc = as(user);
            return reply(wc.getPage(new WebRequest(wc.createCrumbedUrl(path), HttpMethod.POST))
                    .getWebResponse());
        }

        Reply get(String user, String path) throws Exception {
            return reply(as(user).getPage(new WebRequest(new URL(r.getURL(), path), HttpMethod.GET))
                    .getWebResponse());
        }

        private static Reply reply(WebResponse response) {
            return new Reply(response.getStatusCode(), response.getContentAsString());
        }
    }

    /** A validation: refused to {@code denied}, POST only, and {@code allowed} gets {@code message}. */
    private static void assertValidation(Browsers web, String path, String denied, String allowed, String message)
            throws Exception {
        assertThat(web.post(denied, path).status()).as(denied + " POST " + path).isEqualTo(403);
        assertThat(web.get(allowed, path).status()).as(allowed + " GET " + path).isEqualTo(404);
        Reply ok = web.post(allowed, path);
        assertThat(ok.status()).as(allowed + " POST " + path).isEqualTo(200);
        assertThat(ok.body()).as(allowed + " POST " + path).contains(message);
    }

    /** A credentials drop-down: {@code denied} sees only the typed value, POST only, {@code allowed} sees all. */
    private static void assertCredentialsList(Browsers web, String base, String denied, String allowed)
            throws Exception {
        String path = base + "fillCredentialsIdItems?credentialsId=" + TYPED;
        Reply hidden = web.post(denied, path);
        assertThat(hidden.status()).as(denied + " POST " + path).isEqualTo(200);
        assertThat(hidden.body()).as(denied + " POST " + path).contains(TYPED).doesNotContain(STORED_ID);
        assertThat(web.get(allowed, path).status()).as(allowed + " GET " + path).isEqualTo(404);
        Reply listed = web.post(allowed, path);
        assertThat(listed.status()).as(allowed + " POST " + path).isEqualTo(200);
        assertThat(listed.body()).as(allowed + " POST " + path).contains(STORED_ID);
    }

    private static void assertStaticEngineList(Browsers web, String base) throws Exception {
        Reply engines = web.get("reader", base + "fillEngineItems");
        assertThat(engines.status()).as(base + "fillEngineItems").isEqualTo(200);
        assertThat(engines.body()).contains("\"aws\"").contains("\"local\"").doesNotContain(STORED_ID);
    }

    private static String descriptorIn(String prefix, Class<?> describable) {
        return prefix + "descriptorByName/" + describable.getName() + "/";
    }

    @Test
    void theGlobalConfigurationsFormMethodsAreForAdministratorsOverPostOnly(JenkinsRule r) throws Exception {
        secured(r);
        Browsers web = new Browsers(r);
        String config = descriptorIn("", AwsBatchGraphConfiguration.class);
        assertValidation(web, config + "checkRegion?value=", "reader", "admin", "No default region");
        assertValidation(web, config + "checkRegion?value=nowhere", "configurer", "admin", "Not an AWS region name");
        assertValidation(web, config + "checkStore?value=ftp://x", "reader", "admin", "Use s3://bucket/prefix");
        assertValidation(
                web,
                config + "checkAllowLocalEngine?value=true",
                "configurer",
                "admin",
                "run commands on this controller");
        assertCredentialsList(web, config, "configurer", "admin");
        assertStaticEngineList(web, config);
    }

    @Test
    void everyStepsFormMethodsNeedTheJobsConfigureOrAdministerOverPostOnly(JenkinsRule r) throws Exception {
        secured(r);
        Browsers web = new Browsers(r);
        for (Class<?> step : STEPS) {
            String inJob = descriptorIn("job/p/", step);
            String atRoot = descriptorIn("", step);
            String bad = "checkRegion?value=nowhere";
            assertValidation(web, inJob + bad, "reader", "configurer", "Not an AWS region name");
            assertValidation(web, atRoot + bad, "configurer", "admin", "Not an AWS region name");
            assertCredentialsList(web, inJob, "reader", "configurer");
            assertCredentialsList(web, atRoot, "configurer", "admin");
            assertStaticEngineList(web, inJob);
        }
    }

    @Test
    void theTriggersFormMethodsNeedTheJobsConfigureOverPostOnly(JenkinsRule r) throws Exception {
        secured(r);
        Browsers web = new Browsers(r);
        String inJob = descriptorIn("job/p/", AwsBatchS3Trigger.class);
        String atRoot = descriptorIn("", AwsBatchS3Trigger.class);
        assertCredentialsList(web, inJob, "reader", "configurer");
        assertCredentialsList(web, atRoot, "configurer", "admin");

        String check = "checkQueueUrl?value=inbox";
        String message = "A queue URL (https://sqs.REGION.amazonaws.com/ACCOUNT/NAME)";
        for (String[] denied : new String[][] {{inJob, "reader"}, {atRoot, "configurer"}}) {
            Reply silent = web.post(denied[1], denied[0] + check);
            assertThat(silent.status())
                    .as(denied[1] + " POST " + denied[0] + check)
                    .isEqualTo(200);
            assertThat(silent.body()).as("no validation for " + denied[1]).doesNotContain(message);
        }
        for (String[] allowed : new String[][] {{inJob, "configurer"}, {atRoot, "admin"}}) {
            assertThat(web.get(allowed[1], allowed[0] + check).status()).isEqualTo(404);
            Reply checked = web.post(allowed[1], allowed[0] + check);
            assertThat(checked.status()).isEqualTo(200);
            assertThat(checked.body())
                    .as(allowed[1] + " POST " + allowed[0] + check)
                    .contains(message);
        }
    }
}
