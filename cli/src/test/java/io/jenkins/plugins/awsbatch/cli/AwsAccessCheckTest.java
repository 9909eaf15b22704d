package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unreachable endpoint and missing credentials: one line with the fix, exit 2, within 5 s, nothing submitted. */
class AwsAccessCheckTest {
    @TempDir
    Path dir;

    private Path graph() throws Exception {
        return Files.writeString(dir.resolve("aws.yaml"), """
                name: awsg
                engine: aws
                store: s3://bucket/runs
                queue: q
                plan: {items: {list: [a, b]}}
                stages: [{name: s, jobDefinition: d}]
                """);
    }

    @Test
    void anUnreachableEndpointIsOneLineWithinFiveSeconds() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();
        CliRunner.Outcome run = CliRunner.run(
                "run",
                graph().toString(),
                "--region",
                "us-east-1",
                "--endpoint-url",
                "http://127.0.0.1:" + closedPort,
                "--progress",
                "none");
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines())
                .singleElement()
                .asString()
                .startsWith("error: cannot reach --endpoint-url http://127.0.0.1:" + closedPort)
                .contains("batchgraph local-batch", "nothing was submitted");
        assertThat(ms).isLessThan(5_000);
    }

    @Test
    void missingCredentialsAreOneLineWithinFiveSeconds() throws Exception {
        Assumptions.assumeTrue(
                System.getenv("AWS_ACCESS_KEY_ID") == null
                        && System.getenv("AWS_PROFILE") == null
                        && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null,
                "this environment has AWS credentials");
        long start = System.nanoTime();
        CliRunner.Outcome run = CliRunner.run(
                "run",
                graph().toString(),
                "--region",
                "us-east-1",
                "--profile",
                "batchgraph-test-no-such-profile",
                "--progress",
                "none");
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines())
                .singleElement()
                .asString()
                .isEqualTo("error: " + AwsAccessCheck.noCredentials("batchgraph-test-no-such-profile"));
        assertThat(ms).isLessThan(5_000);
    }

    @Test
    void sdkCredentialFailuresOfOtherCommandsBecomeOneLine() {
        RuntimeException sdk = new RuntimeException(
                "wrapped",
                new IllegalStateException(
                        "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(...)"));
        assertThat(AwsAccessCheck.oneLine(sdk)).startsWith("no AWS credentials found: set AWS_ACCESS_KEY_ID");
        assertThat(AwsAccessCheck.oneLine(new RuntimeException("other"))).isNull();
    }
}
