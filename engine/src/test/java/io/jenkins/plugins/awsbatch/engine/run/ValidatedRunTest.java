package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Items are read and counts checked before a run folder exists: bad input leaves nothing behind. */
class ValidatedRunTest {
    @TempDir
    Path dir;

    private GraphSpec graph(String items, String count) {
        return new GraphBinder()
                .parse("""
                name: t
                store: %s
                plan: {items: %s}
                jobDefinitions: {sh: {command: [sh, -c, 'true']}}
                stages: [{name: s, jobDefinition: sh}, {name: a, type: aggregate, jobDefinition: sh, dependsOn: [s], count: %s}]
                """.formatted(LocalObjectStore.toUri(dir.resolve("runs")), items, count), List.of());
    }

    private GraphValidationException rejected(GraphSpec graph, String runId) {
        return catchThrowableOfType(
                GraphValidationException.class,
                () -> ValidatedRun.check(
                        graph, dir, runId, StoreResolver.localOnly(), Json.mapper(), Clock.systemUTC()));
    }

    @Test
    void aBrokenItemFileIsNamedByLineAndNoRunFolderExists() throws Exception {
        Files.writeString(dir.resolve("i.csv"), "id,name\n1,a\n2,\"open\n3,c\n");
        GraphValidationException e = rejected(graph("{file: i.csv}", "1"), "r1");

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo("i.csv:3");
            assertThat(error.fix()).contains("close the quote");
        });
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aCountTooLargeForTheItemsIsRejectedWithTheNumberBeforeAnythingIsWritten() {
        GraphValidationException e = rejected(graph("{list: [a, b, c]}", "'items * 1000000000000'"), "r2");

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo("stages[1].count");
            assertThat(error.problem()).contains("3000000000000 for 3 item(s)", "between 1 and 10000");
        });
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aRunIdThatWouldLeaveTheStoreIsRejected() {
        assertThat(rejected(graph("{list: [a]}", "1"), "../../x").errors())
                .singleElement()
                .satisfies(error -> assertThat(error.path()).isEqualTo("--run-id"));
        assertThat(rejected(graph("{list: [a]}", "1"), "").errors().get(0).problem())
                .isEqualTo("the run id is empty");
    }

    @Test
    void validInputKeepsTheItemsForThePlanner() {
        ValidatedRun run = ValidatedRun.check(
                graph("{list: [a, b]}", "'ceil(items / 2)'"),
                dir,
                null,
                StoreResolver.localOnly(),
                Json.mapper(),
                Clock.systemUTC());
        assertThat(run.items()).hasSize(2);
        assertThat(run.runId()).startsWith("t-");
        assertThat(dir.resolve("runs")).doesNotExist();
    }
}
