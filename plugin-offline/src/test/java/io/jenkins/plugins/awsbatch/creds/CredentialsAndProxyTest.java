package io.jenkins.plugins.awsbatch.creds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.awsbatch.config.JenkinsProxy;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.batch.aws.ProxySettings;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import io.jenkins.plugins.awsbatch.exec.GraphStepExecution;
import io.jenkins.plugins.awsbatch.exec.PollPolicy;
import io.jenkins.plugins.awsbatch.exec.Settings;
import io.jenkins.plugins.awsbatch.exec.StepKind;
import io.jenkins.plugins.awsbatch.offline.FakeBatch;
import io.jenkins.plugins.awsbatch.offline.FakeContext;
import io.jenkins.plugins.awsbatch.offline.FakeRun;
import io.jenkins.plugins.awsbatch.offline.RealEngineFactory;
import io.jenkins.plugins.awsbatch.trigger.TriggerCredentials;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Credentials and identity, and what administrators configured: a step or trigger without credentials fails
 * naming the fixes unless an administrator allowed the controller's own AWS identity; {@code withAWS}'s keys,
 * {@code AWS_PROFILE} and {@code AWS_ENDPOINT_URL} are honoured; Jenkins' proxy carries every AWS call.
 */
class CredentialsAndProxyTest {
    private static final Settings AWS_EU = new Settings("aws", "eu-west-1", "q", null, null, null, null, null);
    private static final Map<String, Object> FAN_OUT_ARGS =
            Map.of("plan", Map.of("runId", "run1"), "stages", List.of(Map.of("name", "score")));

    @TempDir
    File buildDir;

    private String key;
    private FakeBatch batch;
    private FakeContext context;

    @BeforeEach
    void setUp() throws Exception {
        key = UUID.randomUUID().toString();
        batch = FakeBatch.create(key);
        context = new FakeContext(key, new FakeRun(buildDir));
    }

    private FakeContext.State start(boolean controllerIdentity) throws Exception {
        GraphRequest request = new GraphRequest(
                StepKind.FAN_OUT,
                FAN_OUT_ARGS,
                AWS_EU,
                Settings.empty(),
                true,
                new PollPolicy(1_000, 8_000, 2.0, 5_000),
                false,
                controllerIdentity);
        new GraphStepExecution(context, request, new FakeBatch.Factory(key)).start();
        batch.runtime.runAll(1);
        return context.state();
    }

    @Test
    void aStepWithoutCredentialsFailsNamingTheFixesAndSubmitsNothing() throws Exception {
        FakeContext.State s = start(false);
        assertThat(s.failure).isInstanceOf(AbortException.class);
        assertThat(s.failure.getMessage())
                .isEqualTo(AwsCredentialsResolver.NO_CREDENTIALS)
                .contains("credentialsId:", "withAWS(credentials:", "Allow the controller's own AWS identity");
        assertThat(batch.opened.get()).as("no AWS client was made").isZero();
        assertThat(batch.totalSubmits()).isZero();
    }

    @Test
    void withAwsProfileIsTheControllersIdentityAndNeedsTheAdministratorsConsent() throws Exception {
        context.state().env.put("AWS_PROFILE", "prod");
        FakeContext.State s = start(false);
        assertThat(s.failure.getMessage()).startsWith("AWS_PROFILE 'prod' names a profile of the controller's own");
        assertThat(batch.opened.get()).isZero();
    }

    @Test
    void withTheAdministratorsConsentTheDefaultChainOrTheProfileIsUsed() throws Exception {
        FakeContext.State s = start(true);
        assertThat(s.failure).isNull();
        assertThat(batch.opened.get()).isEqualTo(1);
        assertThat(batch.lastContext.getCredentials())
                .as("null: the SDK's default chain")
                .isNull();
        assertThat(s.listener.text()).contains("the default credentials chain of the Jenkins controller");

        Object fromProfile = AwsCredentialsResolver.resolve(
                null, Settings.empty(), AWS_EU, Map.of("AWS_PROFILE", "prod"), System.out, true);
        assertThat(fromProfile).isInstanceOf(ProfileCredentialsProvider.class);
    }

    @Test
    void withAwsKeysAreUsedWithoutConsentAndNeverPrinted() throws Exception {
        context.state().env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEY12345");
        context.state().env.put("AWS_SECRET_ACCESS_KEY", "s3cr3t-never-printed");
        FakeContext.State s = start(false);
        assertThat(s.failure).isNull();
        assertThat(batch.lastContext.getCredentials()).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(s.listener.text())
                .contains("from the environment of the enclosing block")
                .doesNotContain("s3cr3t-never-printed")
                .doesNotContain("AKIAEXAMPLEKEY12345");
    }

    @Test
    void theTriggerLooksItsIdUpAndWithoutOneNeedsConsent() {
        StaticCredentialsProvider keys = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
        CredentialsSpec found =
                TriggerCredentials.choose("aws-1", id -> "aws-1".equals(id) ? keys : null, false, "job");
        assertThat(found).isInstanceOf(CredentialsSpec.Provided.class);
        assertThat(((CredentialsSpec.Provided) found).provider()).isSameAs(keys);

        assertThatThrownBy(() -> TriggerCredentials.choose("other", id -> null, true, "folder/job"))
                .hasMessage("credentialsId 'other': no 'AWS Credentials' with that id is visible to folder/job "
                        + "(as the user its builds run as)");
        assertThatThrownBy(() -> TriggerCredentials.choose(null, id -> keys, false, "job"))
                .hasMessage(TriggerCredentials.NO_CREDENTIALS)
                .hasMessageContaining("Allow the controller's own AWS identity");
        assertThat(TriggerCredentials.choose(null, id -> keys, true, "job"))
                .as("default chain")
                .isNull();
    }

    @Test
    void withAwsEndpointIsHonouredAfterTheStepsOwn() {
        GraphRequest request = new GraphRequest(StepKind.FAN_OUT, FAN_OUT_ARGS, AWS_EU, Settings.empty(), true, null);
        assertThat(request.effectiveSettings(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"))
                        .getEndpointUrl())
                .isEqualTo("http://127.0.0.1:5000");
        GraphRequest own = new GraphRequest(
                StepKind.FAN_OUT,
                FAN_OUT_ARGS,
                new Settings("aws", "eu-west-1", "q", null, null, null, null, "http://own:1"),
                Settings.empty(),
                true,
                null);
        assertThat(own.effectiveSettings(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"))
                        .getEndpointUrl())
                .isEqualTo("http://own:1");
    }

    @Test
    void jenkinsProxyConfigurationBecomesTheEnginesProxy() {
        ProxySettings p = JenkinsProxy.of("proxy.corp", 3128, "bob", "pw", "localhost, *.internal\n169.254.169.254|x");
        assertThat(p.endpoint()).isEqualTo(URI.create("http://proxy.corp:3128"));
        assertThat(p.username()).isEqualTo("bob");
        assertThat(p.password()).isEqualTo("pw");
        assertThat(p.nonProxyHosts()).isEqualTo(Set.of("localhost", "*.internal", "169.254.169.254", "x"));
        assertThat(p.toString()).doesNotContain("pw");
        assertThat(JenkinsProxy.of("  ", 3128, null, null, null))
                .as("no host: no proxy")
                .isNull();
        assertThat(JenkinsProxy.of("proxy", 0, "", "pw", null).password())
                .as("no user: no password")
                .isNull();
    }

    @Test
    void theProxyPassesToTheDriverOfTheStep() throws Exception {
        context.state().env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEY12345");
        context.state().env.put("AWS_SECRET_ACCESS_KEY", "secret");
        batch.runtime.proxy = ProxySettings.of("http://proxy.corp:3128");
        start(false);
        assertThat(batch.lastContext.getProxy()).isSameAs(batch.runtime.proxy);
    }

    /** The real engine behind the step: its first AWS call goes to Jenkins' proxy, for withAWS's endpoint. */
    @Test
    void everyAwsCallOfTheRealEngineGoesThroughJenkinsProxy() throws Exception {
        List<String> requestLines =
                requestLinesThroughProxy(Map.of("AWS_ENDPOINT_URL", "http://aws.example.invalid:4566"));
        assertThat(requestLines.get(0))
                .as("an absolute URI: a request to a proxy")
                .matches("[A-Z]+ http://[a-z0-9.-]*aws\\.example\\.invalid:4566/.* HTTP/1\\.1");
    }

    /** The build's AWS_ENDPOINT_URL_<SERVICE> (withEnv) sends each service to its own endpoint. */
    @Test
    void theBuildsPerServiceEndpointsAreUsed() throws Exception {
        List<String> requestLines = requestLinesThroughProxy(Map.of(
                "AWS_ENDPOINT_URL_BATCH", "http://batch.example.invalid:4566",
                "AWS_ENDPOINT_URL_S3", "http://s3.example.invalid:4566"));
        assertThat(requestLines)
                .allSatisfy(line -> assertThat(line)
                        .matches("[A-Z]+ http://[a-z0-9.-]*(batch|s3)\\.example\\.invalid:4566/.* HTTP/1\\.1"));
    }

    /** The request lines Jenkins' proxy saw from a run step of the real engine in a build with {@code env}. */
    private List<String> requestLinesThroughProxy(Map<String, String> env) throws Exception {
        List<String> requestLines = new CopyOnWriteArrayList<>();
        String[] console = {""};
        try (ServerSocket proxy = new ServerSocket(0)) {
            Thread server = new Thread(() -> serve(proxy, requestLines), "test-proxy");
            server.setDaemon(true);
            server.start();
            String realKey = UUID.randomUUID().toString();
            RealEngineFactory.proxy(realKey, ProxySettings.of("http://127.0.0.1:" + proxy.getLocalPort()));
            FakeContext real = new FakeContext(realKey, new FakeRun(buildDir));
            real.state().env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEY12345");
            real.state().env.put("AWS_SECRET_ACCESS_KEY", "secret");
            real.state().env.putAll(env);
            String yaml = String.join(
                    "\n",
                    "name: g",
                    "engine: aws",
                    "region: eu-west-1",
                    "store: s3://bucket-a/runs",
                    "plan:",
                    "  items: {list: [a]}",
                    "jobDefinitions:",
                    "  work: {command: [sh, -c, 'true']}",
                    "stages:",
                    "  - {name: work, type: array, jobDefinition: work, queue: q}",
                    "");
            try {
                new GraphStepExecution(
                                real,
                                new GraphRequest(
                                        StepKind.RUN,
                                        Map.of("text", yaml),
                                        Settings.empty(),
                                        Settings.empty(),
                                        true,
                                        new PollPolicy(20, 300, 1.5, 2_000)),
                                new RealEngineFactory(realKey))
                        .start();
                long end = System.currentTimeMillis() + 20_000;
                while (requestLines.isEmpty() && System.currentTimeMillis() < end) {
                    Thread.sleep(20);
                }
            } finally {
                console[0] = real.state().listener.text() + " / " + real.state().failure;
                RealEngineFactory.shutdown(realKey);
            }
        }
        assertThat(requestLines).as(console[0]).isNotEmpty();
        return requestLines;
    }

    /** A proxy that records each request line and answers 403 (not retried). */
    private static void serve(ServerSocket server, List<String> lines) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                String first = in.readLine();
                if (first != null) {
                    lines.add(first);
                }
                OutputStream out = s.getOutputStream();
                out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (Exception e) {
                return;
            }
        }
    }
}
