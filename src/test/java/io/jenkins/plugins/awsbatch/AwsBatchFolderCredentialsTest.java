package io.jenkins.plugins.awsbatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.sun.net.httpserver.HttpServer;
import hudson.model.Computer;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.User;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * 'AWS Credentials' kept in a folder, looked up as the build's authentication: a job in the folder signs its AWS
 * calls with them, a job outside the folder cannot see them, and a build that runs as a user (a queue item
 * authenticator) gets them only if that user has Credentials/UseItem. The AWS endpoint is a local stand-in that
 * records whose access key signed each request. Runs in a real Jenkins (profile "jenkins"); compiled, never run,
 * by plugin-offline.
 */
@WithJenkins
class AwsBatchFolderCredentialsTest {
    private static final String ID = "team-aws";
    private static final String KEY = "AKIAFOLDEREXAMPLE";
    private static final String FOUND = "AWS credentials: Jenkins credentials '" + ID + "'";
    private static final String NOT_VISIBLE =
            "credentialsId '" + ID + "': no 'AWS Credentials' with that id is visible to this build";

    /** A stand-in AWS endpoint: records each request's Authorization header and denies the request. */
    private static final class RecordingEndpoint implements AutoCloseable {
        private final List<String> authorizations = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        RecordingEndpoint() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "<Error><Code>AccessDenied</Code><Message>recorded</Message></Error>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/xml");
                boolean head = "HEAD".equals(exchange.getRequestMethod());
                exchange.sendResponseHeaders(403, head ? -1 : body.length);
                if (!head) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int requests() {
            return authorizations.size();
        }

        boolean signedWith(String accessKey) {
            return authorizations.stream().anyMatch(a -> a.contains("Credential=" + accessKey + "/"));
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Folder {@code team} holding the 'AWS Credentials' {@link #ID} in its own store. */
    private static Folder teamFolder(JenkinsRule r) throws Exception {
        Folder team = r.createProject(Folder.class, "team");
        CredentialsStores.ownedBy(team)
                .addCredentials(
                        Domain.global(),
                        new AWSCredentialsImpl(CredentialsScope.GLOBAL, ID, KEY, "folder-secret", "team's key"));
        return team;
    }

    /** A Pipeline job in {@code folder} (at the root if null) whose awsBatchPlan uses {@link #ID} against {@code aws}. */
    private static WorkflowJob planJob(JenkinsRule r, Folder folder, String name, RecordingEndpoint aws)
            throws Exception {
        WorkflowJob p = folder != null
                ? folder.createProject(WorkflowJob.class, name)
                : r.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(
                "withEnv(['AWS_ENDPOINT_URL=" + aws.url() + "']) {\n"
                        + "  awsBatchPlan(items: ['a'], region: 'eu-west-1', store: 's3://bucket-a/runs',"
                        + " credentialsId: '" + ID + "')\n"
                        + "}\n",
                true));
        return p;
    }

    private static WorkflowRun build(JenkinsRule r, WorkflowJob p) throws Exception {
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForCompletion(b);
        // the stand-in endpoint denies every call, so each build fails once it reached AWS (or before)
        r.assertBuildStatus(Result.FAILURE, b);
        return b;
    }

    @Test
    void aJobInTheFolderSignsWithTheFoldersCredentialsAndAJobOutsideCannotSeeThem(JenkinsRule r) throws Exception {
        Folder team = teamFolder(r);
        try (RecordingEndpoint aws = new RecordingEndpoint()) {
            WorkflowRun inside = build(r, planJob(r, team, "plan", aws));
            r.assertLogContains(FOUND, inside);
            assertThat(aws.signedWith(KEY))
                    .as("the folder's key signed the step's AWS calls")
                    .isTrue();

            int before = aws.requests();
            WorkflowRun outside = build(r, planJob(r, null, "outside", aws));
            r.assertLogContains(NOT_VISIBLE, outside);
            r.assertLogNotContains(FOUND, outside);
            assertThat(aws.requests())
                    .as("a job outside the folder reaches no AWS endpoint")
                    .isEqualTo(before);
        }
    }

    @Test
    void aBuildRunningAsAUserGetsTheFoldersCredentialsOnlyWithUseItem(JenkinsRule r) throws Exception {
        Folder team = teamFolder(r);
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD, Computer.BUILD)
                .everywhere()
                .to("bob", "eve")
                .grant(CredentialsProvider.USE_ITEM)
                .everywhere()
                .to("bob"));
        try (RecordingEndpoint aws = new RecordingEndpoint()) {
            WorkflowJob asBob = planJob(r, team, "as-bob", aws);
            WorkflowJob asEve = planJob(r, team, "as-eve", aws);
            QueueItemAuthenticatorConfiguration.get().getAuthenticators().clear();
            QueueItemAuthenticatorConfiguration.get()
                    .getAuthenticators()
                    .add(new MockQueueItemAuthenticator()
                            .authenticate(
                                    "team/as-bob", User.getById("bob", true).impersonate2())
                            .authenticate(
                                    "team/as-eve", User.getById("eve", true).impersonate2()));

            WorkflowRun bob = build(r, asBob);
            r.assertLogContains(FOUND, bob);
            assertThat(aws.signedWith(KEY))
                    .as("bob's build signed with the folder's key")
                    .isTrue();

            int before = aws.requests();
            WorkflowRun eve = build(r, asEve);
            r.assertLogContains(NOT_VISIBLE, eve);
            assertThat(aws.requests()).as("eve's build reaches no AWS endpoint").isEqualTo(before);
        }
    }
}
