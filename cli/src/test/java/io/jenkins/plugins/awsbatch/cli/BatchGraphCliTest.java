package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchGraphCliTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private String store() {
        return dir.resolve("runs").toUri().toString();
    }

    private Path write(String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void theExampleRunsToSuccessAndJsonFollowsTheContract() throws Exception {
        CliRunner.Outcome run =
                CliRunner.run("run", "../examples/recommendations/batchgraph.yaml", "--json", "--store", store());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json.readTree(run.out());
        assertThat(result.get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.get("name").asText()).isEqualTo("recommendations");
        assertThat(result.get("runId").asText()).startsWith("recommendations-");
        assertThat(result.get("durationMs").asLong()).isPositive();
        assertThat(result.get("stages")).hasSize(4);
        JsonNode score = result.get("stages").get(0);
        assertThat(score.get("name").asText()).isEqualTo("score");
        assertThat(score.get("jobIds")).hasSize(1);
        assertThat(score.get("counts").get("SUCCEEDED").asInt()).isEqualTo(20);
        assertThat(score.get("failedItems")).isEmpty();
        assertThat(result.get("calls").get("SubmitJob").asInt()).isEqualTo(3);
        Path csv = Path.of(java.net.URI.create(result.get("runUri").asText()))
                .resolve("stages/merge/output/recommendations.csv");
        assertThat(Files.readAllLines(csv)).hasSize(20);
        assertThat(run.err()).contains("result of merge: " + csv);
    }

    @Test
    void aJobDefinitionRevisionThatDoesNotExistExitsTwoBeforeAnythingIsSubmitted() throws Exception {
        Path file = write("g.yaml", """
                name: preflight
                plan: {items: {list: [a, b]}}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                stages: [{name: s, jobDefinition: sh}, {name: t, jobDefinition: 'sh:2', dependsOn: [s]}]
                """);
        CliRunner.Outcome run = CliRunner.run("run", file.toString(), "--store", store());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "invalid graph (nothing was submitted):",
                        "stages[1].jobDefinition: 'sh:2' is not an ACTIVE job definition. Fix: name an ACTIVE revision (sh:1) or register it again");
        try (var files = Files.walk(dir)) {
            assertThat(files.map(Path::toString))
                    .noneMatch(p -> p.matches(".*/runs/[^/]+/state\\.json")); // never journaled
        }
    }

    @Test
    void aFailedItemEndsWithExitOneAndIsListedWithKeyExitCodeReasonAndLogTail() throws Exception {
        Path file = write("g.yaml", """
                name: fails
                plan: {items: {list: [{id: a}, {id: b}, {id: c}]}}
                jobDefinitions: {sh: {command: [sh, -c, 'if [ "$AWS_BATCH_JOB_ARRAY_INDEX" = 1 ]; then echo broken input >&2; exit 4; fi']}}
                stages: [{name: s, jobDefinition: sh}]
                """);
        CliRunner.Outcome run = CliRunner.run("run", file.toString(), "--json", "--store", store());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode item =
                json.readTree(run.out()).get("stages").get(0).get("failedItems").get(0);
        assertThat(item.get("index").asInt()).isEqualTo(1);
        assertThat(item.get("key").asText()).isEqualTo("b");
        assertThat(item.get("exitCode").asInt()).isEqualTo(4);
        assertThat(item.get("statusReason").asText()).isEqualTo("Essential container in task exited");
        assertThat(item.get("logTail").toString()).contains("broken input");
        assertThat(run.err()).contains("fails FAILED: s: 1 failed (items 1)");
    }

    @Test
    void toleratedFailuresEndWithExitThreeUnstable() throws Exception {
        Path file = write("g.yaml", """
                name: tolerant
                plan: {items: {list: [1, 2, 3, 4]}}
                jobDefinitions: {sh: {command: [sh, -c, 'test "$AWS_BATCH_JOB_ARRAY_INDEX" != 3']}}
                stages: [{name: s, jobDefinition: sh, toleratedFailurePercent: 25}]
                """);
        CliRunner.Outcome run = CliRunner.run("run", file.toString(), "--json", "--store", store());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(json.readTree(run.out()).get("outcome").asText()).isEqualTo("UNSTABLE");
    }

    @Test
    void anInvalidGraphExitsTwoNamingEveryFieldAndStartsNothing() throws Exception {
        Path file = write("bad.yaml", """
                name: bad
                plan: {items: {list: [1, 2]}}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                stages:
                  - {name: a, jobDefinition: sh, timeout: 10}
                  - {name: b, jobDefinition: sh, dependsOn: [nope]}
                """);
        CliRunner.Outcome run = CliRunner.run("run", file.toString(), "--store", store());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "nothing was submitted",
                        "stages[0].timeout",
                        "stages[1].dependsOn[0].stage: unknown stage 'nope'");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aTypoInAFieldNameIsCaughtByValidate() throws Exception {
        Path file = write("typo.yaml", "name: t\nstages:\n  - {name: a, jobDefinition: sh, dependson: [x]}\n");
        CliRunner.Outcome run = CliRunner.run("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("stages[0].dependson: unknown field 'dependson'", "dependsOn");
    }

    @Test
    void aMissingFileExitsTwo() {
        assertThat(CliRunner.run("run", dir.resolve("nope.yaml").toString()).exitCode())
                .isEqualTo(2);
    }

    @Test
    void statusCleanupAndLogsWorkOnAFinishedRun() throws Exception {
        Path file = write("g.yaml", """
                name: small
                plan: {items: {list: [x, y]}}
                jobDefinitions: {sh: {command: [sh, -c, 'echo "hello from $AWS_BATCH_JOB_ARRAY_INDEX"; d=${BATCHGRAPH_OUTPUT_URI#file://}; mkdir -p $d; touch $d/$AWS_BATCH_JOB_ARRAY_INDEX']}}
                stages: [{name: s, jobDefinition: sh}]
                """);
        CliRunner.Outcome run =
                CliRunner.run("run", file.toString(), "--json", "--store", store(), "--run-id", "small-1");
        assertThat(run.exitCode()).as(run.err()).isZero();

        CliRunner.Outcome status = CliRunner.run("status", "small-1", "--store", store());
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("run small-1", "SUCCEEDED", "s ", "jobs 1");

        CliRunner.Outcome logs = CliRunner.run("logs", "small-1", "s", "1", "--store", store());
        assertThat(logs.exitCode()).as(logs.err()).isZero();
        assertThat(logs.out()).contains("hello from 1");

        CliRunner.Outcome cleanup = CliRunner.run("cleanup", "small-1", "--store", store());
        assertThat(cleanup.exitCode()).isZero();
        assertThat(cleanup.err()).contains("deleted 4 object(s)");
        assertThat(dir.resolve("runs/small-1/items")).doesNotExist();
        assertThat(dir.resolve("runs/small-1/state.json")).exists();

        assertThat(CliRunner.run("status", "nope", "--store", store()).exitCode())
                .isEqualTo(2);
    }

    @Test
    void helpIsAvailableOnEveryCommand() {
        for (String command : new String[] {"run", "validate", "status", "resume", "cleanup", "logs"}) {
            CliRunner.Outcome help = CliRunner.run(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out() + help.err()).contains("Usage: batchgraph " + command);
        }
    }

    @Test
    void theAwsEngineWithoutARegionIsInvalidInputAndSubmitsNothing() throws Exception {
        Path file = write("aws.yaml", """
                name: noregion
                engine: aws
                store: s3://bucket/runs
                queue: q
                plan: {items: {list: [1, 2]}}
                stages: [{name: s, jobDefinition: d}]
                """);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null,
                "a region is set in this environment");
        CliRunner.Outcome run =
                CliRunner.run("run", file.toString(), "--profile", "batchgraph-test-profile-that-does-not-exist");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("region", "nothing was submitted");
    }
}
