package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LocalBatchCommandTest {
    @TempDir
    Path dir;

    @Test
    void startsOnLoopbackWithTheQueuesAskedForAndPrintsTheEndpoint() throws Exception {
        LocalBatchCommand command = new LocalBatchCommand();
        new CommandLine(command)
                .parseArgs(
                        "--port",
                        "0",
                        "--slots",
                        "2",
                        "--data",
                        dir.resolve("data").toString(),
                        "--queue",
                        "alpha",
                        "--queue",
                        "beta");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (LocalBatchCommand.Running running = command.start(new PrintStream(err, true, StandardCharsets.UTF_8))) {
            URI endpoint = running.server().endpoint();
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("local AWS Batch endpoint: " + endpoint)
                    .contains("--endpoint-url " + endpoint)
                    .contains("export AWS_ACCESS_KEY_ID=local-batch AWS_SECRET_ACCESS_KEY=local-batch "
                            + "AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1");
            HttpRequest.Builder describeQueues = HttpRequest.newBuilder(endpoint.resolve("/v1/describejobqueues"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"));
            HttpResponse<String> unsigned =
                    HttpClient.newHttpClient().send(describeQueues.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(unsigned.headers().firstValue("x-amzn-ErrorType"))
                    .hasValue("MissingAuthenticationTokenException");
            HttpResponse<String> queues = HttpClient.newHttpClient()
                    .send(
                            describeQueues
                                    .header(
                                            "Authorization",
                                            "AWS4-HMAC-SHA256 Credential=local-batch/20250101/us-east-1/batch/aws4_request, "
                                                    + "SignedHeaders=content-type;host;x-amz-date, Signature="
                                                    + "0a".repeat(32))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(queues.statusCode()).isEqualTo(200);
            assertThat(queues.body())
                    .contains("\"jobQueueName\":\"alpha\"")
                    .contains("\"jobQueueName\":\"beta\"")
                    .doesNotContain("\"jobQueueName\":\"default\"");
            assertThat(running.logDirectory()).isEqualTo(dir.resolve("data").resolve("logs"));
        }
    }

    @Test
    void onEveryInterfaceTheBannerNamesTheAcceptedHosts() throws Exception {
        LocalBatchCommand command = new LocalBatchCommand();
        new CommandLine(command)
                .parseArgs("--port", "0", "--bind", "0.0.0.0", "--allow-remote", "--host-name", "batch.internal");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (LocalBatchCommand.Running running = command.start(new PrintStream(err, true, StandardCharsets.UTF_8))) {
            int port = running.server().port();
            assertThat(running.server().endpoint()).hasToString("http://127.0.0.1:" + port);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("reachable from other machines as: ")
                    .contains("batch.internal:" + port)
                    .contains("anyone who reaches it can run commands here");
        }
    }

    @Test
    void aHostNameThatIsNotOneIsRefusedBeforeStarting() {
        StringWriter err = new StringWriter();
        CommandLine cli = BatchGraphCli.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("local-batch", "--port", "0", "--host-name", "http://evil.example/");
        assertThat(exit).isEqualTo(BatchGraphCli.EXIT_INVALID);
        assertThat(err.toString()).contains("host name 'http://evil.example/' is not a DNS name or an IP address");
    }

    @Test
    void refusesANonLoopbackAddressWithoutAllowRemote() {
        StringWriter err = new StringWriter();
        CommandLine cli = BatchGraphCli.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("local-batch", "--port", "0", "--bind", "0.0.0.0");
        assertThat(exit).isEqualTo(BatchGraphCli.EXIT_INVALID);
        assertThat(err.toString()).contains("refusing to listen on 0.0.0.0").contains("--allow-remote");
    }
}
