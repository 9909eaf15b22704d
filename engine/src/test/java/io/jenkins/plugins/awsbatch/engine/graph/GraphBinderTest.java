package io.jenkins.plugins.awsbatch.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.DependencyType;
import io.jenkins.plugins.awsbatch.engine.batch.RetryAction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphBinderTest {
    private final GraphBinder binder = new GraphBinder();

    @Test
    void theExampleFileBindsEveryField() {
        GraphSpec graph = binder.read(Path.of("../examples/recommendations/batchgraph.yaml"), List.of());

        assertThat(graph.name()).isEqualTo("recommendations");
        assertThat(graph.plan().items().file()).isEqualTo("items.xlsx");
        assertThat(graph.plan().items().sheet()).isEqualTo("Items");
        assertThat(graph.stages()).extracting(StageSpec::name).containsExactly("score", "rank", "merge", "cleanup");
        assertThat(graph.stages().get(1).dependsOn())
                .containsExactly(new StageDependency("score", DependencyType.N_TO_N));
        assertThat(graph.stages().get(2).dependsOn()).containsExactly(StageDependency.whole("rank"));
        assertThat(graph.stages().get(2).count()).isEqualTo(CountSpec.fixed(1));
        assertThat(graph.stages().get(3).isBuiltInCleanup()).isTrue();
        assertThat(graph.stages().get(0).retry().evaluateOnExit().get(0).action())
                .isEqualTo(RetryAction.RETRY);
        assertThat(new GraphValidator().validate(graph)).isEmpty();
    }

    @Test
    void theContractExampleOfDesignSection8Binds() {
        GraphSpec graph = binder.parse("""
                name: recommendations
                engine: local
                region: eu-west-1
                store: file://.batchgraph/runs
                queue: default
                plan:
                  items: {file: items.xlsx, sheet: Items, key: item_id}
                jobDefinitions:
                  score: {command: [python3, score.py], environment: {MODEL: v2}, parameters: {}}
                stages:
                  - name: score
                    type: array
                    jobDefinition: score
                    command: [python3, score.py]
                    retry: {attempts: 3, evaluateOnExit: [{onExitCode: "137", action: RETRY}]}
                    timeout: 3600
                    maxConcurrency: 50
                    toleratedFailurePercent: 5
                    retryFailedItems: 2
                  - {name: rank, type: array, jobDefinition: score, dependsOn: [{stage: score, type: N_TO_N}]}
                  - {name: merge, type: aggregate, jobDefinition: score, dependsOn: [rank], count: 1}
                  - {name: parts, type: aggregate, jobDefinition: score, dependsOn: [rank], count: {partitionsFrom: rank}}
                  - {name: cleanup, type: cleanup}
                notify:
                  onFailure: [{slack: {webhookUrlEnv: SLACK_WEBHOOK_URL}}, {email: {to: [ops@example.com]}}, {sns: {topicArn: "arn:aws:sns:eu-west-1:1:t"}}]
                """, List.of());

        assertThat(graph.stages().get(0).toleratedFailurePercent()).isEqualTo(5.0);
        assertThat(graph.stages().get(3).count().partitionsFrom()).isEqualTo("rank");
        assertThat(graph.notifications().onFailure()).hasSize(3);
        assertThat(graph.notifications().onFailure().get(0).slack().webhookUrlEnv())
                .isEqualTo("SLACK_WEBHOOK_URL");
        assertThat(graph.jobDefinitions().get("score").environment()).containsEntry("MODEL", "v2");
    }

    @Test
    void anUnknownFieldIsAnErrorNamingItsPathAndTheKnownFields() {
        assertThatThrownBy(() ->
                        binder.parse("name: g\nstages:\n  - {name: a, jobDefinition: d, timout: 60}\n", List.of()))
                .isInstanceOf(GraphValidationException.class)
                .hasMessageContaining("stages[0].timout: unknown field 'timout'")
                .hasMessageContaining("timeout");
    }

    @Test
    void aWrongTypeIsAnErrorNamingItsPath() {
        assertThatThrownBy(() ->
                        binder.parse("name: g\nstages:\n  - {name: a, jobDefinition: d, timeout: soon}\n", List.of()))
                .isInstanceOf(GraphValidationException.class)
                .hasMessageContaining("stages[0].timeout")
                .hasMessageContaining("number");
    }

    @Test
    void anUnknownStageTypeNamesTheAllowedValues() {
        assertThatThrownBy(
                        () -> binder.parse("name: g\nstages:\n  - {name: a, type: map, jobDefinition: d}\n", List.of()))
                .isInstanceOf(GraphValidationException.class)
                .hasMessageContaining("stages[0].type")
                .hasMessageContaining("array");
    }

    @Test
    void brokenYamlReportsTheLine() {
        assertThatThrownBy(() -> binder.parse("name: g\nstages: [\n  - a: b\n", List.of()))
                .isInstanceOf(GraphValidationException.class)
                .hasMessageContaining("line");
    }

    @Test
    void setOverridesAddressStagesByNameOrIndexAndKeepNumbersNumeric() {
        GraphSpec graph = binder.parse(
                "name: g\nstages:\n  - {name: a, jobDefinition: d}\n  - {name: b, jobDefinition: d}\n",
                List.of("stages.b.timeout=600", "stages[0].queue=fast", "queue=q2"));

        assertThat(graph.stages().get(1).timeout()).isEqualTo(600);
        assertThat(graph.stages().get(0).queue()).isEqualTo("fast");
        assertThat(graph.queue()).isEqualTo("q2");
    }

    @Test
    void stepArgumentsBindFromPlainMapsToTheSameModel() {
        GraphSpec graph = binder.fromMap(Map.of(
                "name", "g", "stages", List.of(Map.of("name", "a", "jobDefinition", "d", "dependsOn", List.of()))));
        StageSpec stage =
                binder.stageFromMap(Map.of("name", "s", "jobDefinition", "d", "maxConcurrency", 3), "stages[0]");

        assertThat(graph.stages()).hasSize(1);
        assertThat(stage.maxConcurrency()).isEqualTo(3);
        assertThatThrownBy(() -> binder.stageFromMap(Map.of("name", "s", "colour", "red"), "stages[0]"))
                .hasMessageContaining("stages[0].colour: unknown field");
    }

    @Test
    void typeErrorsNameTheFieldInTheFilesWordsNeverAJavaClass() {
        assertThatThrownBy(() ->
                        binder.parse("name: g\nstages:\n  - {name: a, jobDefinition: d, vcpus: two}\n", List.of()))
                .hasMessage("stages[0].vcpus: expected a whole number, got 'two'. Fix: write a number such as 2");
        assertThatThrownBy(() ->
                        binder.parse("name: g\nstages:\n  - {name: a, jobDefinition: d, vcpus: 1.5}\n", List.of()))
                .hasMessageStartingWith("stages[0].vcpus: expected a whole number, got '1.5'");
        assertThatThrownBy(() ->
                        binder.parse("name: g\nstages:\n  - {name: a, jobDefinition: d, command: run}\n", List.of()))
                .hasMessageStartingWith("stages[0].command: expected a list, got 'run'");
        assertThatThrownBy(() -> binder.parse("name: g\nstages: {a: 1}\n", List.of()))
                .hasMessageStartingWith("stages: expected a list, got a mapping")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("java.", "Cannot deserialize"));
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNotASilentOverride() {
        assertThatThrownBy(() -> binder.parse("name: g\nname: h\nstages: []\n", List.of()))
                .hasMessageStartingWith("line 2, column 5: the same key appears twice in one mapping: 'name'");
    }

    @Test
    void aHugeGraphFileIsRefusedByItsSizeBeforeItIsRead(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.yaml");
        java.nio.file.Files.writeString(file, "name: g\n# " + "x".repeat(20 * 1024 * 1024) + "\n");
        long start = System.nanoTime();
        assertThatThrownBy(() -> binder.read(file, List.of()))
                .hasMessageContaining("more than " + GraphBinder.MAX_FILE_BYTES);
        assertThat((System.nanoTime() - start) / 1_000_000)
                .as("ms to refuse 20 MB")
                .isLessThan(1000);
    }

    @Test
    void deepNestingIsRefusedWithTheLimit() {
        assertThatThrownBy(() -> binder.parse("name: g\nx: " + "[".repeat(1000) + "]".repeat(1000) + "\n", List.of()))
                .hasMessageContaining("nests deeper than 32 levels");
    }
}
