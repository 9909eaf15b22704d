package io.jenkins.plugins.awsbatch.engine.batch.aws;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Access to the moto server the test command started ({@code bin/moto start} → {@code MOTO_ENDPOINT}). Tests
 * that need it call {@link #endpoint()} first: without {@code MOTO_ENDPOINT} they are skipped, so a plain
 * {@code mvn test} works without moto. Tests isolate themselves with unique names ({@link #unique}), not by
 * resetting the server.
 */
public final class MotoSupport {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static volatile boolean simpleBatch;

    private MotoSupport() {}

    /** The moto endpoint; skips the calling test when moto is not running. */
    public static String endpoint() {
        String endpoint = System.getenv("MOTO_ENDPOINT");
        assumeTrue(
                endpoint != null && !endpoint.isBlank(),
                "MOTO_ENDPOINT is not set: start moto with bin/moto start (bin/test does it)");
        return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static AwsSettings.Builder settings(String endpoint) {
        return AwsSettings.builder()
                .region(REGION)
                .credentials(new CredentialsSpec.StaticKeys("testing", "testing", null))
                .endpointUrl(endpoint)
                .batchCallsPerSecond(50);
    }

    public static AwsClients clients(CallCounter calls) {
        return AwsClients.create(settings(endpoint()).build(), calls);
    }

    /**
     * moto's Batch runs jobs in Docker unless told otherwise; its docker-less backend marks jobs SUCCEEDED at
     * once and keeps the request shapes, which is what these tests check (ordering rules are the local
     * engine's tests). {@code POST /moto-api/config} is global to the server.
     */
    public static void useBatchWithoutDocker() {
        if (simpleBatch) {
            return;
        }
        post(endpoint() + "/moto-api/config", "application/json", "{\"batch\": {\"use_docker\": false}}", Map.of());
        simpleBatch = true;
    }

    /** A query-protocol call (IAM) with an unsigned authorization header naming the service, as moto routes by it. */
    public static String query(String service, Map<String, String> params) {
        String body = params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        String auth = "AWS4-HMAC-SHA256 Credential=testing/20250101/" + REGION + "/" + service
                + "/aws4_request, SignedHeaders=host, Signature=0";
        return post(endpoint() + "/", "application/x-www-form-urlencoded", body, Map.of("Authorization", auth));
    }

    /** Creates an IAM role in moto and returns its ARN. */
    public static String createRole(String name) {
        query(
                "iam",
                Map.of(
                        "Action",
                        "CreateRole",
                        "Version",
                        "2010-05-08",
                        "RoleName",
                        name,
                        "AssumeRolePolicyDocument",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Principal\":{\"Service\":\"batch.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
    }

    private static String post(String url, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(req::header);
        try {
            HttpResponse<String> response = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("moto answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("moto is not reachable at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
