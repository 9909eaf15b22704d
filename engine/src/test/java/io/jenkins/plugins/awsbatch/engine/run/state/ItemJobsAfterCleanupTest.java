package io.jenkins.plugins.awsbatch.engine.run.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.run.LocalRunHarness;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which job ran an item ({@code batchgraph logs}) is answered right for every item of every array stage, before
 * and after cleanup, when stages ran in waves, over retry rounds and over the survivors of tolerated failures:
 * the log of the job found says it worked on that very item.
 */
class ItemJobsAfterCleanupTest {
    @TempDir
    Path dir;

    @Test
    void everyItemMapsToTheJobThatRanItThroughWavesRetryRoundsAndSurvivorsEvenAfterCleanup() throws Exception {
        Files.writeString(dir.resolve("job.py"), """
                import json, os, sys, urllib.parse
                def path(uri): return urllib.parse.urlparse(uri).path
                p = int(os.environ.get("BATCHGRAPH_INDEX_OFFSET", "0")) + int(os.environ.get("AWS_BATCH_JOB_ARRAY_INDEX", "0"))
                m = os.environ.get("BATCHGRAPH_INDEX_MAP_URI")
                i = json.load(open(path(m)))[p] if m else p
                print("item %d" % i)
                once = os.path.join(os.environ["MARKS"], "%s-%d" % (os.environ["BATCHGRAPH_STAGE"], i))
                if i == 1 and not os.path.exists(once):
                    open(once, "w").close(); sys.exit(4)
                sys.exit(5 if i == 3 else 0)
                """);
        LocalRunHarness harness = new LocalRunHarness(dir);
        RunResult result = harness.run(harness.rawGraph("""
                name: mapping
                plan: {items: {list: [a, b, c, d, e, f, g]}}
                jobDefinitions: {py: {command: [python3, job.py], environment: {MARKS: '%s'}}}
                stages:
                  - {name: a, jobDefinition: py, maxConcurrency: 3, retryFailedItems: 1, toleratedFailureCount: 1}
                  - {name: b, jobDefinition: py, dependsOn: [a], retryFailedItems: 1}
                  - {name: cleanup, type: cleanup}
                """.formatted(dir)));

        assertThat(result.outcome()).as("%s", result.stages()).isEqualTo(Outcome.UNSTABLE);
        StageResult a = result.stages().get(0);
        assertThat(a.counts()).containsEntry(JobStatus.SUCCEEDED, 6).containsEntry(JobStatus.FAILED, 1);
        assertThat(a.jobIds()).as("waves of 3, then a retry round").hasSizeGreaterThan(3);
        RunState state = new RunJournal(new LocalObjectStore(), Json.mapper())
                .load(new RunLayout(LocalObjectStore.toUri(dir.resolve("runs")), result.runId()))
                .orElseThrow();
        assertThat(state.cleanup).isNotNull();
        ItemJobs itemJobs = new ItemJobs(StoreResolver.localOnly(), Json.mapper());
        Path logs = harness.runFolder(result).resolve("logs");

        for (String stage : new String[] {"a", "b"}) {
            for (long item = 0; item < 7; item++) {
                Optional<String> job = itemJobs.jobFor(state, stage, item);
                if (stage.equals("b") && item == 3) {
                    assertThat(job).as("item 3 failed in a: b never ran it").isEmpty();
                    continue;
                }
                assertThat(job).as("%s item %d", stage, item).isPresent();
                assertThat(latestLog(logs, job.get()))
                        .as("%s item %d: %s", stage, item, job.get())
                        .contains("item " + item);
            }
        }
    }

    private static String latestLog(Path logs, String jobId) throws Exception {
        // a job's attempts: <job>/attempt-<n>.log; an array child's: <parent>/<index>-attempt-<n>.log
        String[] parentAndIndex = jobId.split(":");
        String attempt = (parentAndIndex.length > 1 ? parentAndIndex[1] + "-" : "") + "attempt-\\d+\\.log";
        try (Stream<Path> attempts = Files.list(logs.resolve(parentAndIndex[0]))) {
            return Files.readString(
                    attempts.filter(p -> p.getFileName().toString().matches(attempt))
                            .max(Comparator.naturalOrder())
                            .orElseThrow());
        }
    }
}
