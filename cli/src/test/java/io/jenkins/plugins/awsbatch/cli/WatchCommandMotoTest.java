package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsSettings;
import io.jenkins.plugins.awsbatch.engine.batch.aws.CredentialsSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code batchgraph watch} against moto's SQS. Skipped without MOTO_ENDPOINT. */
class WatchCommandMotoTest {
    private static String endpoint;

    @TempDir
    Path dir;

    private AwsClients aws;
    private String queueUrl;

    @BeforeAll
    static void credentials() {
        endpoint = System.getenv("MOTO_ENDPOINT");
        // The watch command uses the default credentials chain; system properties are part of it.
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @AfterAll
    static void clear() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @BeforeEach
    void queue() {
        assumeTrue(endpoint != null && !endpoint.isBlank(), "MOTO_ENDPOINT is not set: start moto with bin/moto start");
        aws = AwsClients.create(
                AwsSettings.builder()
                        .region("us-east-1")
                        .endpointUrl(endpoint)
                        .credentials(new CredentialsSpec.StaticKeys("testing", "testing", null))
                        .build(),
                new CallCounter());
        queueUrl = aws.sqs()
                .createQueue(
                        b -> b.queueName("watch-" + UUID.randomUUID().toString().substring(0, 8)))
                .queueUrl();
    }

    @AfterEach
    void close() {
        if (aws != null) {
            aws.close();
        }
    }

    private void sendCreated(String key, String eTag) {
        aws.sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody("""
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                "s3":{"bucket":{"name":"uploads"},"object":{"key":"%s","size":3,"eTag":"%s","sequencer":"01"}}}]}
                """.formatted(key, eTag)));
    }

    private Path graph(String command) throws Exception {
        Path file = dir.resolve("batchgraph.yaml");
        Files.writeString(file, """
                name: ingest
                store: file://%s
                plan: {items: {list: [{id: one}]}}
                jobDefinitions:
                  sh: {command: [sh, -c, 'true']}
                stages:
                  - name: load
                    type: single
                    jobDefinition: sh
                    command: [sh, -c, '%s']
                """.formatted(dir.resolve("runs"), command));
        return file;
    }

    private int watch(WatchCommand command, Path file, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--sqs",
                queueUrl,
                "--run",
                file.toString(),
                "--endpoint-url",
                endpoint,
                "--region",
                "us-east-1",
                "--wait",
                "1",
                "--seen-file",
                dir.resolve("seen").toString()));
        args.addAll(List.of(extra));
        return new CommandLine(command).execute(args.toArray(String[]::new));
    }

    private int messagesLeft() {
        return aws.sqs()
                .receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10))
                .messages()
                .size();
    }

    @Test
    void runsTheGraphOncePerNewMatchingObjectWithItsBucketAndKey() throws Exception {
        sendCreated("in/a.csv", "e-a");
        sendCreated("in/b.csv", "e-b");
        sendCreated("in/a.csv", "e-a");
        sendCreated("other/c.csv", "e-c");
        List<WatchCommand.ObjectRun> runs = new CopyOnWriteArrayList<>();

        int exit = watch(
                new WatchCommand(run -> {
                    runs.add(run);
                    return 0;
                }),
                graph("true"),
                "--prefix",
                "in/",
                "--max-messages",
                "4",
                "--set",
                "stages.load.tags.source={uri}");

        assertThat(exit).isZero();
        assertThat(runs).extracting(r -> r.object().key()).containsExactly("in/a.csv", "in/b.csv");
        StageSpec load = runs.get(1).graph().stages().get(0);
        assertThat(load.environment()).containsEntry("S3_BUCKET", "uploads").containsEntry("S3_KEY", "in/b.csv");
        assertThat(load.tags()).containsEntry("source", "s3://uploads/in/b.csv");
        assertThat(runs.get(0).runId()).isNotEqualTo(runs.get(1).runId()).startsWith("ingest");
        assertThat(messagesLeft()).isZero();
    }

    @Test
    void aFailedRunIsStillHandledAndItsExitCodeReturned() throws Exception {
        sendCreated("in/a.csv", "e-a");

        int exit = watch(new WatchCommand(run -> 1), graph("true"), "--once");

        assertThat(exit).isEqualTo(1);
        assertThat(messagesLeft())
                .as("a run that ended, even FAILED, is not retried")
                .isZero();
    }

    @Test
    void aRunnerThatCannotStartLeavesTheMessageForARetry() throws Exception {
        sendCreated("in/a.csv", "e-a");
        aws.sqs()
                .setQueueAttributes(
                        b -> b.queueUrl(queueUrl).attributesWithStrings(java.util.Map.of("VisibilityTimeout", "1")));

        watch(
                new WatchCommand(run -> {
                    throw new IllegalStateException("cannot reach AWS Batch");
                }),
                graph("true"),
                "--once");
        Thread.sleep(1_500);

        assertThat(messagesLeft()).isEqualTo(1);
    }

    @Test
    void runsTheRealGraphOnTheLocalEngine() throws Exception {
        sendCreated("in/hello+world.csv", "e-h");
        Path out = dir.resolve("seen-keys.txt");

        int exit = watch(new WatchCommand(), graph("echo \"$S3_BUCKET/$S3_KEY\" >> " + out), "--once");

        assertThat(exit).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("uploads/in/hello world.csv");
        assertThat(messagesLeft()).isZero();
    }

    @Test
    void anInvalidGraphFailsBeforeTakingAnyMessage() throws Exception {
        sendCreated("in/a.csv", "e-a");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nstages: [{name: a, jobDefinition: nope}]\n");

        int exit = BatchGraphCli.commandLine()
                .execute(
                        "watch",
                        "--sqs",
                        queueUrl,
                        "--run",
                        bad.toString(),
                        "--endpoint-url",
                        endpoint,
                        "--region",
                        "us-east-1",
                        "--wait",
                        "1",
                        "--once");

        assertThat(exit).isEqualTo(2);
        assertThat(messagesLeft()).isEqualTo(1);
    }
}
