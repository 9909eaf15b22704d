package io.jenkins.plugins.awsbatch.engine.run.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batchgraph runs}: a store's runs, newest first, from each run's state; folders without one are shown. */
class RunCatalogTest {
    private static final Clock NOW = Clock.fixed(Instant.ofEpochMilli(1_700_000_100_000L), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static void save(
            ObjectStore store, String storeUri, String runId, long startedAt, Outcome outcome, int failed) {
        RunState state = new RunState();
        state.runId = runId;
        state.name = "graph-" + runId;
        state.storeUri = storeUri;
        state.runUri = new RunLayout(storeUri, runId).runUri();
        state.graph = new GraphSpec("g", null, null, null, null, null, null, null, List.of(), null, null);
        state.itemCount = 10;
        state.startedAt = startedAt;
        state.outcome = outcome;
        state.finishedAt = outcome == null ? 0 : startedAt + 5_000;
        StageState stage = new StageState();
        for (long i = 0; i < failed; i++) {
            stage.failedItems.put(i, new FailedItem(i, "k" + i, "j", 1, "boom", List.of()));
        }
        state.stages.put("s", stage);
        new RunJournal(store, Json.mapper()).save(state);
    }

    @Test
    void aLocalStoreListsItsRunsNewestFirstWithOutcomeDurationItemsAndFailures() throws Exception {
        String storeUri = LocalObjectStore.toUri(dir.resolve("runs"));
        ObjectStore store = new LocalObjectStore();
        save(store, storeUri, "old", 1_700_000_000_000L, Outcome.SUCCEEDED, 0);
        save(store, storeUri, "new", 1_700_000_050_000L, Outcome.UNSTABLE, 2);
        save(store, storeUri, "live", 1_700_000_090_000L, null, 0);
        Files.createDirectories(dir.resolve("runs/planning-cut"));
        Files.createDirectories(dir.resolve("runs/broken"));
        Files.writeString(dir.resolve("runs/broken/state.json"), "{not json", StandardCharsets.UTF_8);

        List<RunCatalog.Entry> runs = new RunCatalog(StoreResolver.localOnly(), Json.mapper(), NOW).list(storeUri);

        assertThat(runs)
                .extracting(RunCatalog.Entry::runId)
                .containsExactly("live", "new", "old", "broken", "planning-cut");
        RunCatalog.Entry unstable = runs.get(1);
        assertThat(unstable.name()).isEqualTo("graph-new");
        assertThat(unstable.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(unstable.durationMs()).isEqualTo(5_000);
        assertThat(unstable.itemCount()).isEqualTo(10);
        assertThat(unstable.failedItems()).isEqualTo(2);
        assertThat(runs.get(0).outcome()).isNull();
        assertThat(runs.get(0).durationMs()).as("running for").isEqualTo(10_000);
        assertThat(runs.get(3).problem()).contains("cannot read the run state", "broken/state.json", "invalid JSON");
        assertThat(runs.get(4).problem()).contains("no state.json");
    }

    @Test
    void aMissingLocalStoreHasNoRuns() {
        assertThat(new RunCatalog(StoreResolver.localOnly(), Json.mapper(), NOW)
                        .list(LocalObjectStore.toUri(dir.resolve("none"))))
                .isEmpty();
    }

    @Test
    void anS3StoreListsItsRunPrefixesWithOneListingLevelAndReadsEachState() {
        CallCounter calls = new CallCounter();
        try (AwsClients aws = MotoSupport.clients(calls)) {
            String bucket = MotoSupport.unique("runs");
            aws.s3().createBucket(r -> r.bucket(bucket));
            ObjectStore store = aws.objectStore();
            String storeUri = "s3://" + bucket + "/team/runs";
            save(store, storeUri, "a", 1_700_000_000_000L, Outcome.FAILED, 1);
            save(store, storeUri, "b", 1_700_000_010_000L, Outcome.SUCCEEDED, 0);
            for (int i = 0; i < 50; i++) {
                store.put(new RunLayout(storeUri, "b").itemUri(i), "{}".getBytes(StandardCharsets.UTF_8));
            }
            store.put("s3://" + bucket + "/team/other/c/state.json", "{}".getBytes(StandardCharsets.UTF_8));
            long listsBefore = calls.get("ListObjectsV2");

            List<RunCatalog.Entry> runs = new RunCatalog(uri -> store, Json.mapper(), NOW).list(storeUri);

            assertThat(runs).extracting(RunCatalog.Entry::runId).containsExactly("b", "a");
            assertThat(runs.get(1).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(runs.get(1).failedItems()).isEqualTo(1);
            assertThat(calls.get("ListObjectsV2") - listsBefore)
                    .as("one level, one page")
                    .isEqualTo(1);
        }
    }
}
