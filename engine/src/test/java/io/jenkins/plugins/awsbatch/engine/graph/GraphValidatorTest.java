package io.jenkins.plugins.awsbatch.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphValidatorTest {
    private final GraphBinder binder = new GraphBinder();

    private List<String> errors(String stagesYaml) {
        GraphSpec graph = binder.parse("""
                name: g
                plan: {items: {list: [1, 2, 3]}}
                jobDefinitions: {d: {command: [sh, -c, 'true']}}
                stages:
                """ + stagesYaml, List.of());
        return new GraphValidator()
                .validate(graph).stream().map(GraphError::toString).toList();
    }

    @Test
    void aValidGraphHasNoErrors() {
        assertThat(
                        errors(
                                "  - {name: a, jobDefinition: d}\n  - {name: b, jobDefinition: d, dependsOn: [{stage: a, type: N_TO_N}]}\n"))
                .isEmpty();
    }

    @Test
    void unknownDependencyNamesTheKnownStages() {
        assertThat(errors("  - {name: a, jobDefinition: d}\n  - {name: b, jobDefinition: d, dependsOn: [scor]}\n"))
                .containsExactly("stages[1].dependsOn[0].stage: unknown stage 'scor'. Fix: name one of [a, b]");
    }

    @Test
    void aCycleIsReportedWithItsPath() {
        assertThat(errors(
                        "  - {name: a, jobDefinition: d, dependsOn: [c]}\n  - {name: b, jobDefinition: d, dependsOn: [a]}\n"
                                + "  - {name: c, jobDefinition: d, dependsOn: [b]}\n"))
                .singleElement()
                .asString()
                .contains("dependency cycle: a -> c -> b -> a");
    }

    @Test
    void nToNBetweenAnArrayAndAnAggregateIsRejected() {
        assertThat(
                        errors(
                                "  - {name: a, jobDefinition: d}\n  - {name: m, type: aggregate, jobDefinition: d, dependsOn: [{stage: a, type: N_TO_N}]}\n"))
                .singleElement()
                .asString()
                .startsWith("stages[1].dependsOn[0].type: N_TO_N pairs children of two arrays");
    }

    @Test
    void nToNAfterAStageThatDropsFailedItemsIsRejectedBecauseSizesDiffer() {
        assertThat(errors("  - {name: a, jobDefinition: d, toleratedFailurePercent: 5}\n"
                        + "  - {name: b, jobDefinition: d, dependsOn: [{stage: a, type: N_TO_N}]}\n"))
                .singleElement()
                .asString()
                .contains("may drop failed items");
    }

    @Test
    void moreThanTwentyDependenciesAreRejected() {
        StringBuilder stages = new StringBuilder();
        StringBuilder deps = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            stages.append("  - {name: s").append(i).append(", type: single, jobDefinition: d}\n");
            deps.append(i == 0 ? "" : ", ").append("s").append(i);
        }
        stages.append("  - {name: last, type: single, jobDefinition: d, dependsOn: [")
                .append(deps)
                .append("]}\n");
        assertThat(errors(stages.toString()))
                .singleElement()
                .asString()
                .startsWith("stages[21].dependsOn: a job can depend on at most 20 jobs, got 21");
    }

    @Test
    void missingJobDefinitionIsNamedWithTheDeclaredOnes() {
        assertThat(errors("  - {name: a, jobDefinition: nope}\n"))
                .containsExactly(
                        "stages[0].jobDefinition: job definition 'nope' is not declared. Fix: add it under jobDefinitions (known: [d])");
    }

    @Test
    void badRetryRulesAndShortTimeoutsAreAllReportedAtOnce() {
        assertThat(errors("""
                  - name: a
                    jobDefinition: d
                    timeout: 30
                    retry: {attempts: 11, evaluateOnExit: [{onExitCode: "1x", action: RETRY}, {onReason: "OOM*"}]}
                """))
                .containsExactlyInAnyOrder(
                        "stages[0].timeout: timeout must be at least 60 seconds, got 30. Fix: set timeout to 60 or more (AWS Batch's minimum)",
                        "stages[0].retry.attempts: attempts must be between 1 and 10, got 11. Fix: set attempts to a number from 1 to 10",
                        "stages[0].retry.evaluateOnExit[0].onExitCode: '1x' is not an exit-code pattern. Fix: use digits with an optional trailing *, e.g. \"13*\"",
                        "stages[0].retry.evaluateOnExit[1].action: action is required. Fix: set action: RETRY or EXIT");
    }

    @Test
    void reservedEnvironmentNamesDuplicateStagesAndBadNamesAreRejected() {
        assertThat(errors("""
                  - {name: a, jobDefinition: d, environment: {AWS_BATCH_X: "1"}}
                  - {name: a, jobDefinition: d}
                  - {name: "b c", jobDefinition: d}
                """))
                .hasSize(3)
                .anySatisfy(e -> assertThat(e).startsWith("stages[0].environment.AWS_BATCH_X"))
                .anySatisfy(e -> assertThat(e).startsWith("stages[1].name: stage name 'a' is used twice"))
                .anySatisfy(e -> assertThat(e).startsWith("stages[2].name"));
    }

    @Test
    void arrayStagesNeedItemsAndCountOnlyAppliesToAggregates() {
        GraphSpec graph = binder.parse(
                "name: g\njobDefinitions: {d: {command: [x]}}\nstages:\n  - {name: a, jobDefinition: d, count: 2}\n",
                List.of());
        assertThat(new GraphValidator().validate(graph))
                .extracting(GraphError::path)
                .containsExactlyInAnyOrder("plan.items", "stages[0].count");
    }

    @Test
    void anExplicitUpfrontModeThatCannotBeHonouredIsRejected() {
        GraphSpec graph = binder.parse("""
                name: g
                mode: upfront
                plan: {items: {list: [1, 2]}}
                jobDefinitions: {d: {command: [x]}}
                stages:
                  - {name: a, jobDefinition: d, toleratedFailurePercent: 10}
                  - {name: b, jobDefinition: d, dependsOn: [a]}
                """, List.of());
        assertThat(new GraphValidator().validate(graph))
                .extracting(GraphError::path)
                .containsExactly("mode");
    }

    @Test
    void tagsAndPriorityAreCheckedBeforeAnythingIsSubmitted() {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 49; i++) {
            tags.append(i == 0 ? "" : ", ").append("t").append(i).append(": v");
        }
        // 49 own tags + the engine's batchgraph:run and batchgraph:stage would be 51 of AWS Batch's 50.
        assertThat(errors("  - {name: a, jobDefinition: d, tags: {" + tags + "}}\n"))
                .singleElement()
                .asString()
                .startsWith("stages[0].tags: A job takes at most 50 tags, got 51");
        assertThat(errors("  - {name: a, jobDefinition: d, tags: {'aws:owner': me}}\n"))
                .singleElement()
                .asString()
                .contains("'aws:' are reserved");
        assertThat(errors("  - {name: a, jobDefinition: d, tags: {team: " + "x".repeat(257) + "}}\n"))
                .singleElement()
                .asString()
                .contains("values at most 256");
        assertThat(errors("  - {name: a, jobDefinition: d, schedulingPriority: 10000}\n"))
                .singleElement()
                .asString()
                .startsWith("stages[0].schedulingPriority: ");
        assertThat(errors(
                        "  - {name: a, jobDefinition: d, tags: {" + tags.substring(0, tags.lastIndexOf(",")) + "}}\n"))
                .isEmpty();
    }

    @Test
    void reasonPatternsTakeOnlyWhatAwsBatchTakes() {
        // Letters, digits, '.', ':' and spaces, with an optional trailing '*': no '_', '-' or '()'.
        assertThat(errors("  - {name: a, jobDefinition: d, retry: {attempts: 2, evaluateOnExit: "
                        + "[{onStatusReason: \"Host EC2 (instance i-0ab) terminated*\", action: RETRY}, "
                        + "{onReason: \"CannotPullContainerError: pull_access*\", action: EXIT}]}}\n"))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).contains("is not a reason pattern"));
        assertThat(errors("  - {name: a, jobDefinition: d, retry: {attempts: 2, evaluateOnExit: "
                        + "[{onStatusReason: \"Host EC2*\", action: RETRY}, {onReason: \"CannotPullContainerError: x*\", "
                        + "action: EXIT}]}}\n"))
                .isEmpty();
    }
}
