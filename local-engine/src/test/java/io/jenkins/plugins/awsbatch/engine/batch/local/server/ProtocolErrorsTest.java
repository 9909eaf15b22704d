package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.model.BatchException;

/** Bad requests get AWS-shaped 400 answers and never stop the endpoint; the wire format is AWS's. */
class ProtocolErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dir;

    static Endpoint endpoint;

    @BeforeAll
    static void start() throws Exception {
        endpoint = Endpoint.start(dir);
        endpoint.registerShell("ok", "true");
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    private record Answer(int status, JsonNode body, HttpResponse<String> raw) {}

    private static Answer send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.server.endpoint() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", RawHttp.SIGNED)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()), response);
    }

    private static void assertClientError(Answer answer, String messagePart) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("__type").asText()).isEqualTo("ClientException");
        assertThat(answer.body().path("message").asText()).contains(messagePart);
        assertThat(answer.raw().headers().firstValue("x-amzn-ErrorType")).hasValue("ClientException");
        assertThat(answer.raw().headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValue("application/json");
    }

    private static void assertStillServing() throws Exception {
        Answer ok = send("POST", "/v1/describejobqueues", "{}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().path("jobQueues").get(0).path("jobQueueName").asText())
                .isEqualTo(Endpoint.QUEUE);
    }

    @Test
    void malformedJson() throws Exception {
        assertClientError(send("POST", "/v1/submitjob", "{\"jobName\": "), "Malformed JSON");
        assertClientError(send("POST", "/v1/submitjob", "[1, 2]"), "must be a JSON object");
        assertClientError(send("POST", "/v1/describejobs", "\u0000\u0001 not json"), "Malformed JSON");
        assertStillServing();
    }

    @Test
    void unknownOperationsAreNamedNotBlamedOnTheClient() throws Exception {
        assertUnknownOperation(
                send("POST", "/v1/createschedulingpolicy", "{}"),
                "Operation CreateSchedulingPolicy is not supported by batchgraph local-batch; it serves CancelJob, ");
        assertUnknownOperation(send("POST", "/v1/TerminateJobs", "{}"), "Operation TerminateJobs is not supported");
        assertUnknownOperation(
                send("POST", "/v1/launchrockets", "{}"),
                "Unknown operation POST /v1/launchrockets: not an AWS Batch operation");
        assertUnknownOperation(
                send("GET", "/v1/submitjob", null),
                "Operation SubmitJob is called with POST " + "/v1/submitjob, not GET.");
        assertUnknownOperation(send("POST", "/", "{}"), "Unknown operation POST /: not an AWS Batch operation");
        assertUnknownOperation(
                send("PUT", "/v1/tags/arn%3Aaws%3Abatch%3Aus-east-1%3A0%3Ajob%2Fx", "{}"), "Unknown operation PUT");
        assertStillServing();
    }

    @Test
    void anOperationTheSdkKnowsButTheEndpointDoesNotIsNamedToTheSdkCaller() {
        assertThatThrownBy(() -> endpoint.batch.createSchedulingPolicy(r -> r.name("fair")))
                .isInstanceOfSatisfying(BatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .startsWith("Operation CreateSchedulingPolicy is not supported by batchgraph local-batch");
                });
    }

    private static void assertUnknownOperation(Answer answer, String messagePart) {
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(answer.body().path("message").asText()).contains(messagePart);
        assertThat(answer.raw().headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
    }

    @Test
    void oversizeBodies() throws Exception {
        String huge = "{\"jobName\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertClientError(send("POST", "/v1/submitjob", huge), "Request body too large");
        assertStillServing();
    }

    @Test
    void wrongTypesAndMissingFields() throws Exception {
        assertClientError(
                send(
                        "POST",
                        "/v1/submitjob",
                        "{\"jobName\": \"a\", \"jobQueue\": \"q\", \"jobDefinition\": \"ok\", \"arrayProperties\": {\"size\": \"three\"}}"),
                "arrayProperties.size: expected an integer");
        assertClientError(
                send("POST", "/v1/submitjob", "{\"jobName\": 5, \"jobQueue\": \"q\", \"jobDefinition\": \"ok\"}"),
                "jobName: expected a string");
        assertClientError(
                send(
                        "POST",
                        "/v1/submitjob",
                        "{\"jobName\": \"a\", \"jobQueue\": \"q\", \"jobDefinition\": \"ok\", \"containerOverrides\": "
                                + "{\"environment\": [{\"name\": \"A\", \"value\": 1}]}}"),
                "containerOverrides.environment[0].value: expected a string");
        assertClientError(
                send(
                        "POST",
                        "/v1/submitjob",
                        "{\"jobName\": \"a\", \"jobQueue\": \"q\", \"jobDefinition\": \"ok\", \"dependsOn\": [{\"jobId\": \"x\", \"type\": \"SOMETIMES\"}]}"),
                "dependsOn[0].type");
        assertClientError(send("POST", "/v1/describejobs", "{\"jobs\": \"abc\"}"), "jobs: expected a list");
        assertClientError(send("POST", "/v1/describejobs", "{}"), "jobs is required.");
        assertClientError(
                send("POST", "/v1/submitjob", "{\"jobQueue\": \"q\", \"jobDefinition\": \"ok\"}"),
                "jobName is required.");
        assertClientError(
                send("POST", "/v1/listjobs", "{\"jobQueue\": \"q\", \"maxResults\": 1.5}"),
                "maxResults: expected an integer");
        assertClientError(
                send("POST", "/v1/registerjobdefinition", "{\"jobDefinitionName\": \"m\", \"type\": \"multinode\"}"),
                "not supported");
        assertStillServing();
    }

    @Test
    void awsLimitsUseAwsWording() throws Exception {
        StringBuilder ids = new StringBuilder("[");
        for (int i = 0; i < 101; i++) {
            ids.append(i == 0 ? "" : ",").append("\"id-").append(i).append('"');
        }
        assertClientError(
                send("POST", "/v1/describejobs", "{\"jobs\": " + ids + "]}"),
                "Maximum number of jobs supported is 100");
        assertClientError(
                send(
                        "POST",
                        "/v1/submitjob",
                        "{\"jobName\": \"a\", \"jobQueue\": \"q\", \"jobDefinition\": \"ok\", \"arrayProperties\": {\"size\": 10001}}"),
                "Array job size must be between 2 and 10000");
        assertClientError(
                send(
                        "POST",
                        "/v1/submitjob",
                        "{\"jobName\": \"a\", \"jobQueue\": \"nope\", \"jobDefinition\": \"ok\"}"),
                "JobQueue nope not found.");
        assertClientError(
                send("POST", "/v1/submitjob", "{\"jobName\": \"a\", \"jobQueue\": \"q\", \"jobDefinition\": \"nope\"}"),
                "JobDefinition nope not found.");
        StringBuilder deps = new StringBuilder("[");
        for (int i = 0; i < 21; i++) {
            deps.append(i == 0 ? "" : ",").append("{\"jobId\": \"d").append(i).append("\"}");
        }
        assertClientError(
                send(
                        "POST",
                        "/v1/submitjob",
                        "{\"jobName\": \"a\", \"jobQueue\": \"q\", \"jobDefinition\": \"ok\", \"dependsOn\": " + deps
                                + "]}"),
                "at most 20");
    }

    @Test
    void successfulAnswersUseAwsFieldNamesAndEpochMillis() throws Exception {
        long before = System.currentTimeMillis();
        Answer submitted =
                send("POST", "/v1/submitjob", "{\"jobName\": \"raw\", \"jobQueue\": \"q\", \"jobDefinition\": \"ok\"}");
        assertThat(submitted.status()).isEqualTo(200);
        String jobId = submitted.body().path("jobId").asText();
        assertThat(submitted.body().path("jobArn").asText())
                .isEqualTo("arn:aws:batch:us-east-1:000000000000:job/" + jobId);
        assertThat(submitted.body().path("jobName").asText()).isEqualTo("raw");
        endpoint.awaitTerminal(jobId);
        JsonNode job = send("POST", "/v1/describejobs", "{\"jobs\": [\"" + jobId + "\"]}")
                .body()
                .path("jobs")
                .get(0);
        assertThat(job.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.path("createdAt").isIntegralNumber()).isTrue();
        assertThat(job.path("createdAt").asLong()).isBetween(before - 1000, System.currentTimeMillis());
        assertThat(job.path("stoppedAt").asLong())
                .isGreaterThanOrEqualTo(job.path("startedAt").asLong());
        assertThat(job.path("container").path("exitCode").asInt()).isZero();
        assertThat(job.has("arrayProperties")).isFalse();
        assertThat(job.toString()).doesNotContain("null");

        String arn = URI.create("x:" + "arn:aws:batch:us-east-1:000000000000:job/" + jobId)
                .getRawSchemeSpecificPart();
        String encoded = java.net.URLEncoder.encode(arn, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(send("POST", "/v1/tags/" + encoded, "{\"tags\": {\"k\": \"v\"}}")
                        .status())
                .isEqualTo(200);
        assertThat(send("GET", "/v1/tags/" + encoded, null)
                        .body()
                        .path("tags")
                        .path("k")
                        .asText())
                .isEqualTo("v");
        assertThat(send("DELETE", "/v1/tags/" + encoded + "?tagKeys=k", null).status())
                .isEqualTo(200);
        assertThat(send("GET", "/v1/tags/" + encoded, null).body().path("tags").size())
                .isZero();
    }

    @Test
    void theRegionComesFromTheSigV4CredentialScope() {
        assertThat(SigV4Scope.regionOfAuthorization("AWS4-HMAC-SHA256 Credential=AKID/20250101/eu-west-1/batch/"
                        + "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "ab".repeat(32)))
                .hasValue("eu-west-1");
        assertThat(SigV4Scope.regionOfAuthorization(RawHttp.SIGNED)).hasValue("eu-west-1");
        assertThat(SigV4Scope.regionOfAuthorization("Basic dXNlcjpwYXNz")).isEmpty();
        assertThat(SigV4Scope.regionOfAuthorization(null)).isEmpty();
        assertThat(SigV4Scope.regionOfAuthorization(RawHttp.SIGNED.replace("/batch/", "/s3/")))
                .isEmpty();
        assertThat(SigV4Scope.regionOfAuthorization(RawHttp.SIGNED.replace("host;", "")))
                .isEmpty();
        assertThat(SigV4Scope.regionOfAuthorization(RawHttp.SIGNED.replace("Signature=0", "Signature=x")))
                .isEmpty();
    }

    @Test
    void onlyLoopbackUnlessRemoteIsExplicitlyAllowed() {
        assertThatThrownBy(() -> ServerOptions.defaults().withBind("0.0.0.0", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing to listen on 0.0.0.0")
                .hasMessageContaining("--allow-remote");
        assertThat(ServerOptions.defaults().withBind("0.0.0.0", true).bindAddress())
                .isEqualTo("0.0.0.0");
        assertThat(ServerOptions.defaults().withBind("localhost", false).bindAddress())
                .isEqualTo("localhost");
        assertThat(endpoint.server.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> ServerOptions.defaults().withFailRate(1.5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fail rate");
    }
}
