package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSchema;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/batchgraph.schema.json is the schema generated from the model, and it agrees with the binder. */
class GraphSchemaTest {
    private static final Path PUBLISHED = Path.of("../docs/batchgraph.schema.json");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Schema schema() throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(Files.newInputStream(PUBLISHED));
    }

    @Test
    void thePublishedSchemaIsTheGeneratedOne() throws Exception {
        String generated =
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(GraphSchema.generate()) + "\n";
        String published = Files.exists(PUBLISHED) ? Files.readString(PUBLISHED) : "";
        if (!generated.equals(published)) {
            Files.writeString(PUBLISHED, generated);
        }
        assertThat(published)
                .as("docs/batchgraph.schema.json was stale: it is regenerated now, commit it")
                .isEqualTo(generated);
    }

    @Test
    void everyExampleIsValid() throws Exception {
        try (var examples = Files.list(Path.of("../examples"))) {
            for (Path file : examples.map(d -> d.resolve("batchgraph.yaml"))
                    .filter(Files::isRegularFile)
                    .toList()) {
                assertThat(schema().validate(YAML.readTree(file.toFile())))
                        .as(file.toString())
                        .isEmpty();
            }
        }
    }

    @Test
    void allShapesOfCountAndDependsOnAreValidAndUnknownFieldsAreNot() throws Exception {
        JsonNode good = YAML.readTree("""
                name: g
                engine: AWS
                plan: {items: {list: [1, a]}}
                notify: {onFailure: [{slack: {webhookUrlEnv: HOOK}}]}
                stages:
                  - {name: a, jobDefinition: d, environment: {N: 3}, retry: {attempts: 2, evaluateOnExit: [{onExitCode: 137, action: retry}]}}
                  - {name: b, jobDefinition: d, dependsOn: [a, {stage: a, type: N_TO_N}], maxConcurrency: 5}
                  - {name: c, type: aggregate, jobDefinition: d, dependsOn: [b], count: 'ceil(items / 10)'}
                  - {name: d, type: aggregate, jobDefinition: d, dependsOn: [b], count: {partitionsFrom: b}}
                  - {name: e, type: aggregate, jobDefinition: d, dependsOn: [b], count: 3}
                """);
        assertThat(schema().validate(good)).isEmpty();
        for (String bad : List.of(
                "{name: g, stages: [{name: a, jobDefinition: d, retires: 3}]}",
                "{name: g, stages: [{name: a, type: fanout}]}",
                "{stages: []}",
                "{name: g, stages: [{name: a, count: {partitions: b}}]}",
                "{name: g, stages: [{name: a, timeout: soon}]}")) {
            assertThat(schema().validate(YAML.readTree(bad))).as(bad).isNotEmpty();
        }
    }
}
