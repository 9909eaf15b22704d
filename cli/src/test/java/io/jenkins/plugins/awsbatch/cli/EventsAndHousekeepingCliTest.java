package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** batchgraph events, housekeeping and cleanup --older-than from the outside. */
class EventsAndHousekeepingCliTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void cleanupOlderThanCleansEveryEndedRunOfTheStoreOnce() throws Exception {
        String store = dir.resolve("runs").toUri().toString();
        Path file = write("g.yaml", """
                name: hk
                plan: {items: {list: [a, b]}}
                jobDefinitions: {sh: {command: [sh, -c, 'd=${BATCHGRAPH_OUTPUT_URI#file://}; mkdir -p $d; echo x > $d/out.txt']}}
                stages:
                  - {name: score, jobDefinition: sh}
                  - {name: merge, type: aggregate, jobDefinition: sh, dependsOn: [score], count: 1}
                """);
        CliRunner.Outcome run = CliRunner.run("run", file.toString(), "--store", store, "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path runDir = Path.of(java.net.URI.create(
                new ObjectMapper().readTree(run.out()).get("runUri").asText()));
        assertThat(runDir.resolve("items")).exists();

        CliRunner.Outcome clean = CliRunner.run("cleanup", "--older-than", "0m", "--store", store);
        CliRunner.Outcome again = CliRunner.run("cleanup", "--older-than", "0m", "--store", store);

        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.err()).contains("1 run(s) cleaned, 0 skipped, 0 failed");
        assertThat(runDir.resolve("items")).doesNotExist();
        assertThat(runDir.resolve("stages/score")).doesNotExist();
        assertThat(runDir.resolve("stages/merge/output/out.txt")).exists();
        assertThat(again.err()).contains("skipped (already cleaned)", "0 run(s) cleaned, 1 skipped");
        CliRunner.Outcome recent = CliRunner.run("cleanup", "--older-than", "7d", "--store", store);
        assertThat(recent.err()).contains("0 run(s) cleaned");
    }

    @Test
    void badInputIsExitTwoWithTheFix() throws Exception {
        Path quiet = write("q.yaml", """
                name: quiet
                engine: aws
                region: us-east-1
                store: s3://b/runs
                plan: {items: {list: [a]}}
                stages: [{name: s, jobDefinition: sh}]
                """);
        assertThat(CliRunner.run("cleanup", "--older-than", "7x", "--store", "file:///tmp/x"))
                .satisfies(o -> assertThat(o.exitCode()).isEqualTo(2))
                .satisfies(o -> assertThat(o.err()).contains("--older-than takes a number and a unit: 7d, 12h or 30m"));
        assertThat(CliRunner.run("cleanup", "--older-than", "7d").err()).contains("--older-than needs --store");
        assertThat(CliRunner.run("cleanup").err()).contains("give RUN");
        CliRunner.Outcome local = CliRunner.run("housekeeping", "setup", "--store", "file:///tmp/x");
        assertThat(local.exitCode()).isEqualTo(2);
        assertThat(local.err()).contains("--store must be s3://BUCKET/PREFIX");
        CliRunner.Outcome typo = CliRunner.run("events", "setpu", quiet.toString());
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("expected one of [setup, show, remove]");
        CliRunner.Outcome nobody = CliRunner.run("events", "setup", quiet.toString());
        assertThat(nobody.exitCode()).isEqualTo(2);
        assertThat(nobody.err()).contains("has no notify block: the rule would tell nobody. Fix: add notify.onFailure");
    }

    @Test
    void eventsSetupTwiceShowAndRemoveOnMoto() throws Exception {
        String endpoint = System.getenv("MOTO_ENDPOINT");
        assumeTrue(endpoint != null && !endpoint.isBlank(), "MOTO_ENDPOINT is not set: start moto with bin/moto start");
        String name = "ev" + UUID.randomUUID().toString().substring(0, 8);
        Path file = write("e.yaml", """
                name: %s
                engine: aws
                region: us-east-1
                store: s3://b/runs
                queue: arn:aws:batch:us-east-1:123456789012:job-queue/fast
                plan: {items: {list: [a]}}
                stages: [{name: s, jobDefinition: sh}]
                notify:
                  onFailure: [{email: {to: [ops@example.com], smtpHost: smtp.example.com}}]
                """.formatted(name));
        String[] aws = {"--endpoint-url", endpoint, "--region", "us-east-1"};
        // the command uses the default credentials chain; system properties are part of it
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        try {
            eventsSetupTwiceShowAndRemove(file, name, aws);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    private void eventsSetupTwiceShowAndRemove(Path file, String name, String[] aws) throws Exception {

        CliRunner.Outcome setup =
                CliRunner.run(concat(new String[] {"events", "setup", file.toString(), "--json"}, aws));
        CliRunner.Outcome again = CliRunner.run(concat(new String[] {"events", "setup", file.toString()}, aws));
        CliRunner.Outcome remove = CliRunner.run(concat(new String[] {"events", "remove", file.toString()}, aws));
        CliRunner.Outcome show = CliRunner.run(concat(new String[] {"events", "show", file.toString()}, aws));

        assertThat(setup.exitCode()).as(setup.err()).isZero();
        JsonNode state = new ObjectMapper().readTree(setup.out());
        assertThat(state.get("exists").asBoolean()).isTrue();
        assertThat(state.get("topicArn").asText()).endsWith(":batchgraph-" + name + "-events");
        assertThat(again.err()).contains("nothing to change");
        assertThat(remove.err()).contains("deleted rule batchgraph-" + name);
        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.err()).contains("no rule batchgraph-" + name);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
