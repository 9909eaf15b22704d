package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.batch.BatchClient;

/**
 * A web page cannot drive the endpoint: a request a browser could send (cross-site, or same-site after DNS
 * rebinding) differs from an SDK's in at least one of Origin, Host, Authorization or Content-Type, and each of
 * those alone gets a 403 with one line, and nothing is registered or run. The same request with the SDK's shape
 * is served, so the refusals are the spoiled header's doing.
 */
class BrowserRequestsRefusedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTER = "{\"jobDefinitionName\": \"pwn\", \"type\": \"container\", "
            + "\"containerProperties\": {\"image\": \"x\", \"command\": [\"sh\", \"-c\", \"id > pwned-by-definition\"]}}";
    private static final String SUBMIT = "{\"jobName\": \"pwn\", \"jobQueue\": \"q\", \"jobDefinition\": \"marker\"}";

    @TempDir
    static Path dir;

    static Endpoint endpoint;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        endpoint = Endpoint.start(dir);
        endpoint.registerShell("marker", "id > pwned-by-submit");
        port = endpoint.server.port();
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    static Stream<Arguments> browserShapedRequests() {
        return Stream.of(
                refused(
                        "the attack as seen: text/plain, foreign Origin and Host, unsigned",
                        "AccessDeniedException",
                        h -> {
                            h.put("Origin", "http://evil.example");
                            h.put("Host", "evil.example:" + port);
                            h.put("Content-Type", "text/plain");
                            h.remove("Authorization");
                        }),
                refused("no Authorization", "MissingAuthenticationTokenException", h -> h.remove("Authorization")),
                refused(
                        "Basic Authorization",
                        "IncompleteSignatureException",
                        h -> h.put("Authorization", "Basic dXNlcjpwYXNz")),
                refused(
                        "SigV4 for another service",
                        "IncompleteSignatureException",
                        h -> h.put("Authorization", RawHttp.SIGNED.replace("/batch/", "/s3/"))),
                refused(
                        "SigV4 that does not sign host",
                        "IncompleteSignatureException",
                        h -> h.put("Authorization", RawHttp.SIGNED.replace("host;", ""))),
                refused("text/plain", "AccessDeniedException", h -> h.put("Content-Type", "text/plain")),
                refused(
                        "a form",
                        "AccessDeniedException",
                        h -> h.put("Content-Type", "application/x-www-form-urlencoded")),
                refused("no Content-Type", "AccessDeniedException", h -> h.remove("Content-Type")),
                refused("foreign Origin", "AccessDeniedException", h -> h.put("Origin", "http://evil.example")),
                refused(
                        "the endpoint's own Origin",
                        "AccessDeniedException",
                        h -> h.put("Origin", "http://127.0.0.1:" + port)),
                refused("Origin null", "AccessDeniedException", h -> h.put("Origin", "null")),
                refused("Sec-Fetch-Site", "AccessDeniedException", h -> h.put("Sec-Fetch-Site", "same-origin")),
                refused(
                        "foreign Host (DNS rebinding)",
                        "AccessDeniedException",
                        h -> h.put("Host", "evil.example:" + port)),
                refused(
                        "loopback Host on another port",
                        "AccessDeniedException",
                        h -> h.put("Host", "127.0.0.1:" + (port == 1 ? 2 : port - 1))),
                refused("no Host", "AccessDeniedException", h -> h.remove("Host")));
    }

    private static Arguments refused(String what, String type, Consumer<Map<String, String>> spoil) {
        return Arguments.of(what, type, spoil);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("browserShapedRequests")
    void aRequestShapedByABrowserIsRefusedAndRunsNothing(String what, String type, Consumer<Map<String, String>> spoil)
            throws Exception {
        for (String[] call : new String[][] {{"/v1/registerjobdefinition", REGISTER}, {"/v1/submitjob", SUBMIT}}) {
            Map<String, String> headers = RawHttp.sdkHeaders(port);
            spoil.accept(headers);
            RawHttp.Response answer = RawHttp.send(port, "POST", call[0], headers, call[1]);
            assertThat(answer.status()).as("%s: %s", what, call[0]).isEqualTo(403);
            assertThat(answer.header("x-amzn-ErrorType")).isEqualTo(type);
            assertThat(JSON.readTree(answer.body()).path("__type").asText()).isEqualTo(type);
            assertThat(JSON.readTree(answer.body()).path("message").asText())
                    .isNotBlank()
                    .doesNotContain("\n");
            assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        }
        assertNothingRegisteredOrRun();
    }

    @Test
    void aPreflightIsRefusedSoAPageCannotAddTheSdksHeaders() throws Exception {
        RawHttp.Response answer = RawHttp.send(
                port,
                "OPTIONS",
                "/v1/submitjob",
                Map.of(
                        "Host",
                        "127.0.0.1:" + port,
                        "Origin",
                        "http://evil.example",
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "authorization,content-type"),
                null);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.header("Access-Control-Allow-Headers")).isNull();
    }

    @Test
    void theSameRequestsWithTheSdksShapeAreServed() throws Exception {
        Map<String, String> headers = RawHttp.sdkHeaders(port);
        RawHttp.Response registered =
                RawHttp.send(port, "POST", "/v1/registerjobdefinition", headers, REGISTER.replace("pwn", "control"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        for (String host : List.of("localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port)) {
            headers.put("Host", host);
            assertThat(RawHttp.send(port, "POST", "/v1/describejobqueues", headers, "{}")
                            .status())
                    .as(host)
                    .isEqualTo(200);
        }
        headers.put("Content-Type", "application/x-amz-json-1.1");
        assertThat(RawHttp.send(port, "POST", "/v1/describejobqueues", headers, "{}")
                        .status())
                .isEqualTo(200);
        headers.remove("Content-Type");
        String arn = JSON.readTree(registered.body()).path("jobDefinitionArn").asText();
        RawHttp.Response tags =
                RawHttp.send(port, "GET", "/v1/tags/" + URLEncoder.encode(arn, StandardCharsets.UTF_8), headers, null);
        assertThat(tags.status())
                .as("a GET without a body needs no Content-Type, as botocore sends it: %s", tags.body())
                .isEqualTo(200);
    }

    @Test
    void anSdkClientReachingTheEndpointAsLocalhostIsServed() {
        try (BatchClient viaLocalhost = BatchClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build()) {
            assertThat(viaLocalhost.describeJobQueues(r -> {}).jobQueues())
                    .anySatisfy(q -> assertThat(q.jobQueueName()).isEqualTo(Endpoint.QUEUE));
        }
    }

    @Test
    void aRemoteEndpointAnswersTheNamesItWasGivenAndNoOthers() throws Exception {
        ServerOptions options =
                ServerOptions.defaults().withBind("0.0.0.0", true).withHostNames(List.of("batch.internal"));
        try (LocalBatchServer remote = LocalBatchServer.start(endpoint.service, options)) {
            int remotePort = remote.port();
            assertThat(remote.endpoint()).hasToString("http://127.0.0.1:" + remotePort);
            assertThat(remote.allowedHosts())
                    .contains("batch.internal:" + remotePort, "127.0.0.1:" + remotePort, "localhost:" + remotePort)
                    .doesNotContain("0.0.0.0:" + remotePort);
            Map<String, String> headers = RawHttp.sdkHeaders(remotePort);
            headers.put("Host", "batch.internal:" + remotePort);
            assertThat(RawHttp.send(remotePort, "POST", "/v1/describejobqueues", headers, "{}")
                            .status())
                    .isEqualTo(200);
            headers.put("Host", "evil.example:" + remotePort);
            RawHttp.Response refused = RawHttp.send(remotePort, "POST", "/v1/describejobqueues", headers, "{}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(JSON.readTree(refused.body()).path("message").asText())
                    .startsWith("Host evil.example:" + remotePort + " is not this endpoint's address")
                    .contains("batch.internal:" + remotePort)
                    .contains("--host-name");
        }
        assertThatThrownBy(() -> ServerOptions.defaults().withHostNames(List.of("evil.example/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evil.example/x");
    }

    private static void assertNothingRegisteredOrRun() {
        assertThat(endpoint.batch
                        .describeJobDefinitions(r -> r.jobDefinitionName("pwn"))
                        .jobDefinitions())
                .isEmpty();
        assertThat(endpoint.batch
                        .listJobs(r -> r.jobQueue(Endpoint.QUEUE)
                                .filters(f -> f.name("JOB_NAME").values("pwn")))
                        .jobSummaryList())
                .isEmpty();
        assertThat(Files.exists(dir.resolve("pwned-by-submit"))).isFalse();
        assertThat(Files.exists(dir.resolve("pwned-by-definition"))).isFalse();
    }
}
