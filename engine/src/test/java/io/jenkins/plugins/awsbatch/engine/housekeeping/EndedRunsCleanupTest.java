package io.jenkins.plugins.awsbatch.engine.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cleanup --older-than over a local store: only runs that ended before the cut-off lose their transient data. */
class EndedRunsCleanupTest {
    @TempDir
    Path dir;

    private final Instant now = Instant.parse("2025-03-10T00:00:00Z");

    @Test
    void runsEndedBeforeTheCutOffAreCleanedOnceAndOthersAreLeftAlone() throws Exception {
        String store = LocalObjectStore.toUri(dir.resolve("runs"));
        StoreResolver stores = StoreResolver.localOnly();
        write(store, "old", now.minus(Duration.ofDays(9)), Outcome.FAILED);
        write(store, "recent", now.minus(Duration.ofDays(2)), Outcome.SUCCEEDED);
        write(store, "going", null, null);

        List<EndedRunsCleanup.Outcome> first =
                new EndedRunsCleanup(stores, Json.mapper()).clean(store, Duration.ofDays(7), now);
        List<EndedRunsCleanup.Outcome> second =
                new EndedRunsCleanup(stores, Json.mapper()).clean(store, Duration.ofDays(7), now);

        assertThat(first)
                .extracting(EndedRunsCleanup.Outcome::runId, EndedRunsCleanup.Outcome::skipped)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("old", null),
                        org.assertj.core.groups.Tuple.tuple("recent", "ended less than 7 day(s) ago"),
                        org.assertj.core.groups.Tuple.tuple("going", "not ended"));
        assertThat(first.stream()
                        .filter(o -> o.runId().equals("old"))
                        .findFirst()
                        .orElseThrow()
                        .report()
                        .deletedObjects())
                .isEqualTo(2);
        Path runs = dir.resolve("runs");
        assertThat(runs.resolve("old/items")).doesNotExist();
        assertThat(runs.resolve("old/stages/score")).doesNotExist();
        assertThat(runs.resolve("old/stages/merge/output/result.csv")).exists();
        assertThat(runs.resolve("recent/items/0.json")).exists();
        assertThat(runs.resolve("going/items/0.json")).exists();
        assertThat(second)
                .filteredOn(o -> o.runId().equals("old"))
                .singleElement()
                .satisfies(o -> assertThat(o.skipped()).isEqualTo("already cleaned"));
    }

    private void write(String store, String runId, Instant finished, Outcome outcome) throws Exception {
        RunState state = new RunState();
        state.runId = runId;
        state.name = "recs";
        state.storeUri = store;
        state.runUri = new RunLayout(store, runId).runUri();
        state.graph = new GraphBinder().parse("""
                name: recs
                plan: {items: {list: [a]}}
                stages:
                  - {name: score, jobDefinition: sh}
                  - {name: merge, type: aggregate, jobDefinition: sh, dependsOn: [score], count: 1}
                """, List.of());
        state.startedAt = now.minus(Duration.ofDays(20)).toEpochMilli();
        state.finishedAt = finished == null ? 0 : finished.toEpochMilli();
        state.outcome = outcome;
        LocalObjectStore objects = new LocalObjectStore();
        new RunJournal(objects, Json.mapper()).save(state);
        Path run = dir.resolve("runs").resolve(runId);
        for (String file : List.of("items/0.json", "stages/score/output/0.json", "stages/merge/output/result.csv")) {
            Files.createDirectories(run.resolve(file).getParent());
            Files.writeString(run.resolve(file), "x", StandardCharsets.UTF_8);
        }
    }
}
