package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsSettings;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchConfig;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import io.jenkins.plugins.awsbatch.engine.batch.local.server.LocalBatchServer;
import io.jenkins.plugins.awsbatch.engine.batch.local.server.ServerOptions;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code AWS_ENDPOINT_URL_<SERVICE>} from the command line's environment (given through
 * {@link AwsAccessOptions#environment}, not the process's): checked before anything starts, used by each service,
 * and recorded with the run for its later commands.
 */
class ServiceEndpointVariablesTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        AwsAccessOptions.environment = System::getenv;
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private Path graph(String store) throws Exception {
        return Files.writeString(dir.resolve("g.yaml"), """
                name: vars
                engine: aws
                region: us-east-1
                store: %s
                plan: {items: {list: [a, b]}}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                stages: [{name: s, jobDefinition: sh}]
                """.formatted(store));
    }

    @Test
    void anUnreachableServiceEndpointIsNamedByItsVariable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AwsAccessOptions.environment = Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + closedPort)::get;

        CliRunner.Outcome run = CliRunner.run("run", graph("s3://bucket/runs").toString(), "--progress", "none");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines())
                .singleElement()
                .asString()
                .startsWith("error: cannot reach AWS_ENDPOINT_URL_S3 http://127.0.0.1:" + closedPort)
                .contains("nothing was submitted");
    }

    @Test
    void batchAndS3VariablesSendEachServiceToItsEndpointAndTheRunRecordsThem() throws Exception {
        String moto = System.getenv("MOTO_ENDPOINT");
        assumeTrue(moto != null && !moto.isBlank(), "MOTO_ENDPOINT is not set: start moto with bin/moto start");
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        String bucket = "vars-" + UUID.randomUUID().toString().substring(0, 8);
        try (AwsClients admin = AwsClients.create(
                AwsSettings.builder()
                        .region("us-east-1")
                        .endpointUrl(moto)
                        .credentials(new CredentialsSpec.StaticKeys("testing", "testing", null))
                        .build(),
                new CallCounter())) {
            admin.s3().createBucket(b -> b.bucket(bucket));
        }
        LocalBatchService service = new LocalBatchService(LocalBatchConfig.defaults(dir.resolve("logs"))
                .withSlots(2)
                .withWorkingDirectory(dir)
                .withRegion("us-east-1"));
        service.ensureJobQueue("default");
        try (LocalBatchServer server =
                LocalBatchServer.start(service, ServerOptions.defaults().withPort(0))) {
            String batch = server.endpoint().toString();
            String store = "s3://" + bucket + "/runs";
            AwsAccessOptions.environment = Map.of("AWS_ENDPOINT_URL_BATCH", batch, "AWS_ENDPOINT_URL_S3", moto)::get;
            CliRunner.Outcome run =
                    CliRunner.run("run", graph(store).toString(), "--run-id", "vars-1", "--progress", "none", "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();

            // Status from a shell that only knows where S3 is: the run tells where its Batch jobs are.
            AwsAccessOptions.environment = Map.of("AWS_ENDPOINT_URL_S3", moto)::get;
            CliRunner.Outcome status = CliRunner.run("status", "vars-1", "--store", store, "--json");
            assertThat(status.exitCode()).as(status.err()).isZero();
            JsonNode journal = new ObjectMapper().readTree(status.out());
            assertThat(journal.path("endpointUrl").isMissingNode()
                            || journal.path("endpointUrl").isNull())
                    .isTrue();
            assertThat(journal.path("serviceEndpoints").path("batch").asText()).isEqualTo(batch);
            assertThat(journal.path("serviceEndpoints").path("s3").asText()).isEqualTo(moto);
        } finally {
            service.close();
        }
    }
}
