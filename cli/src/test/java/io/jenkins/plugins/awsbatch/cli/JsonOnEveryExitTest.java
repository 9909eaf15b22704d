package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --json} prints exactly one object whatever the exit: a verdict, an INVALID list, or an ERROR. */
class JsonOnEveryExitTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private Path graph() throws Exception {
        return Files.writeString(dir.resolve("g.yaml"), """
                name: t
                plan: {items: {list: [a, b, c, d, e]}}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                stages: [{name: s, jobDefinition: sh}, {name: a, type: aggregate, jobDefinition: sh, dependsOn: [s], count: 'ceil(items / 2)'}]
                """);
    }

    private JsonNode only(String out) throws Exception {
        assertThat(out.strip()).doesNotContain("\n");
        return json.readTree(out);
    }

    @Test
    void validatePlanJsonGivesTheVerdictAndEachAggregatesJobCount() throws Exception {
        CliRunner.Outcome run = CliRunner.run("validate", graph().toString(), "--plan", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode verdict = only(run.out());
        assertThat(verdict.get("outcome").asText()).isEqualTo("VALID");
        assertThat(verdict.get("itemCount").asInt()).isEqualTo(5);
        assertThat(verdict.get("stages").get(1).get("jobs").asInt()).isEqualTo(3);
    }

    @Test
    void anErrorThatIsNotARunOutcomeIsOneErrorObjectWithExitOne() throws Exception {
        CliRunner.Outcome run = CliRunner.run("run", graph().toString(), "--json", "--store", "file:///dev/null/runs");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode error = only(run.out());
        assertThat(error.get("outcome").asText()).isEqualTo("ERROR");
        assertThat(error.get("exitCode").asInt()).isEqualTo(1);
        assertThat(error.get("errors").get(0).get("message").asText()).contains("/dev/null/runs");
    }

    @Test
    void aMisspeltOptionIsOneInvalidObject() throws Exception {
        CliRunner.Outcome run = CliRunner.run("validate", graph().toString(), "--json", "--plna");

        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode invalid = only(run.out());
        assertThat(invalid.get("outcome").asText()).isEqualTo("INVALID");
        assertThat(invalid.get("errors").get(0).get("message").asText()).contains("--plna");
    }
}
