package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's state on disk is a journal of changes plus, after a compaction, a snapshot: reading them back gives
 * the table the engine had, whatever point a kill -9 cut the journal at, before and after compactions.
 */
class LocalBatchJournalTest extends LocalBatchTestSupport {

    private Path data() {
        return temp.resolve("data");
    }

    private LocalBatchConfig persistent(int slots) {
        return config(slots).withDataDirectory(data());
    }

    /** Jobs in every kind of state: ended each way, retried, cancelled, tagged, one running and one waiting on it. */
    private Map<String, String> mixedWorkload() {
        String failed = submit(job("failed", "exit 3").tags(Map.of("team", "a")));
        String array = submit(job("arr", "[ $AWS_BATCH_JOB_ARRAY_INDEX != 2 ]").arraySize(4));
        String retried =
                submit(job("retried", "[ $AWS_BATCH_JOB_ATTEMPT = 2 ]").retryStrategy(RetryStrategy.attempts(2)));
        String unrun = submitShell("unrun", "true", JobDependency.on(failed));
        awaitTerminal(failed);
        awaitTerminal(array);
        awaitTerminal(retried);
        awaitTerminal(unrun);
        String running = submitShell("running", "sleep 30");
        awaitStatus(running, JobStatus.RUNNING);
        String waiting = submit(job("waiting", "true").arraySize(3).dependsOn(List.of(JobDependency.on(running))));
        String cancelled = submitShell("cancelled", "true", JobDependency.on(running));
        batch.cancelJob(cancelled, "not needed");
        batch.tagResource(batch.jobArn(failed), Map.of("late", "yes"));
        return Map.of(
                "failed",
                failed,
                "array",
                array,
                "retried",
                retried,
                "unrun",
                unrun,
                "running",
                running,
                "waiting",
                waiting,
                "cancelled",
                cancelled);
    }

    private static List<JournalEntry> replayedImage(Path data) throws IOException {
        StateReplay.Replayed state = StateReplay.read(data);
        return StateJournal.image(state.topLevelJobs(), 0);
    }

    @Test
    void replayingTheJournalGivesTheTableAsItWas() throws Exception {
        start(persistent(2));
        Map<String, String> jobs = mixedWorkload();
        batch.journal().flush();

        assertThat(data().resolve(StateFiles.SNAPSHOT)).doesNotExist(); // what is read is the journal alone
        StateReplay.Replayed state = StateReplay.read(data());
        assertThat(StateJournal.image(state.topLevelJobs(), 0)).isEqualTo(batch.tableImage());
        assertThat(state.tornTail()).isFalse();
        assertThat(state.registries().definitions()).isEqualTo(batch.describeJobDefinitions(List.of()));
        assertThat(state.registries().queues()).isEqualTo(batch.describeJobQueues());
        LocalJob failed = state.topLevelJobs().stream()
                .filter(j -> j.jobId().equals(jobs.get("failed")))
                .findFirst()
                .orElseThrow();
        assertThat(failed.tags).containsEntry("team", "a").containsEntry("late", "yes");
        assertThat(failed.exitCode).isEqualTo(3);
    }

    @Test
    void aJournalCutAnywhereByAKillReadsBackAsAnEarlierTableAndATornLastLineIsLeftOut() throws Exception {
        start(persistent(2));
        String array = submit(job("arr", "true").arraySize(3));
        awaitTerminal(array);
        batch.journal().flush();
        Path journal = StateFiles.journal(data(), 0);
        byte[] whole = Files.readAllBytes(journal);
        List<JournalEntry> complete = batch.tableImage();

        Path cut = temp.resolve("cut");
        Files.createDirectories(cut);
        for (int length : cutPoints(whole)) {
            Files.write(StateFiles.journal(cut, 0), Arrays.copyOf(whole, length));
            StateReplay.Replayed state = StateReplay.read(cut); // never an error, wherever the cut is
            boolean endsAtNewline = length == 0 || whole[length - 1] == '\n';
            assertThat(state.tornTail()).as("torn at %d", length).isEqualTo(!endsAtNewline);
        }
        assertThat(replayedImage(cut)).isEqualTo(complete);

        Files.writeString(
                journal,
                "{\"t\":\"s\",\"j\":\"" + array + "\",\"s\":\"FAI",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertThat(StateReplay.read(data()).tornTail()).isTrue();
        assertThat(replayedImage(data())).isEqualTo(complete);
        batch.abandon();

        start(persistent(2)); // the torn line is neither read nor written after
        assertThat(describe(array).status()).isEqualTo(JobStatus.SUCCEEDED);
        String next = submitShell("next", "true");
        awaitTerminal(next);
        batch.journal().flush();
        assertThat(journal).doesNotExist(); // replaced by the snapshot written on load
        assertThat(replayedImage(data())).isEqualTo(batch.tableImage());
    }

    /** Where a kill can cut a file: at every line's end, one byte either side, and in the middle of every line. */
    private static List<Integer> cutPoints(byte[] file) {
        List<Integer> points = new ArrayList<>(List.of(0, 1));
        int lineStart = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                points.addAll(List.of((lineStart + i) / 2, i, i + 1, Math.min(i + 2, file.length)));
                lineStart = i + 1;
            }
        }
        points.add(file.length);
        return points;
    }

    @Test
    void compactionWritesASnapshotThatKeepsTheStateAndTheJournalCarriesOnAfterIt() throws Exception {
        start(persistent(2));
        mixedWorkload();
        batch.journal().compact();

        assertThat(data().resolve(StateFiles.SNAPSHOT)).exists();
        assertThat(StateFiles.journalGenerations(data())).containsExactly(1L);
        assertThat(replayedImage(data())).isEqualTo(batch.tableImage());

        String after = submit(job("after", "true").arraySize(2));
        awaitTerminal(after);
        batch.journal().flush();
        assertThat(Files.size(StateFiles.journal(data(), 1))).isPositive();
        assertThat(replayedImage(data())).isEqualTo(batch.tableImage());
    }

    @Test
    void theJournalIsCompactedOnItsOwnOnceItOutgrowsTheSnapshot() throws Exception {
        start(persistent(2));
        batch.journal().compactWhenOver(1, 1);
        String array = submit(job("arr", "true").arraySize(20));
        awaitTerminal(array);
        await(() -> batch.journal().stats().compactions() > 0, "a compaction");
        List<JournalEntry> table = batch.tableImage();
        batch.close(); // waits for a compaction under way: the files are read while nothing writes them
        assertThat(replayedImage(data())).isEqualTo(table);
    }

    @Test
    void anEngineKilledAfterACompactionCarriesOnFromTheSnapshotAndTheJournal() {
        start(persistent(2));
        Map<String, String> jobs = mixedWorkload();
        batch.journal().compact();
        String later = submitShell("later", "true");
        awaitTerminal(later);
        batch.journal().flush();
        batch.abandon(); // as kill -9: the running job keeps running

        start(persistent(2));
        assertThat(describe(later).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(describe(jobs.get("running")).status()).isEqualTo(JobStatus.RUNNING); // adopted
        assertThat(describe(jobs.get("cancelled")).status()).isEqualTo(JobStatus.FAILED);
        assertThat(describe(jobs.get("array")).statusSummary())
                .containsEntry(JobStatus.FAILED, 1)
                .containsEntry(JobStatus.SUCCEEDED, 3);
        assertThat(describe(jobs.get("waiting")).status()).isEqualTo(JobStatus.PENDING);
        assertThat(batch.listTagsForResource(jobs.get("failed"))).containsEntry("late", "yes");
        batch.terminateJob(jobs.get("running"), "done with it");
        assertThat(awaitTerminal(jobs.get("waiting")).statusReason()).isEqualTo(JobStateMachine.DEPENDENT_JOB_FAILED);
    }

    @Test
    void aFolderWrittenBeforeTheJournalIsReadOnceAndReplacedByASnapshot() throws Exception {
        Files.createDirectories(data());
        Files.writeString(data().resolve(StateFiles.LEGACY_SNAPSHOT), """
                {"version":1,"definitions":[],"computeEnvironments":[],"queues":[],"jobs":[
                 {"jobId":"old-1","spec":{"jobName":"old","jobQueue":"default","computeEnvironment":"local",
                  "jobDefinition":"arn:aws:batch:local:000000000000:job-definition/old:1","arraySize":2,
                  "command":["true"]},"tags":{"k":"v"},"createdAt":1000,"status":"SUCCEEDED","startedAt":1100,
                  "stoppedAt":1200,"children":[{"status":"SUCCEEDED","exitCode":0},{"status":"SUCCEEDED","exitCode":0}]}
                ]}""");
        start(persistent(2));
        assertThat(describe("old-1").statusSummary()).containsEntry(JobStatus.SUCCEEDED, 2);
        assertThat(describe("old-1:1").exitCode()).isZero();
        assertThat(batch.listTagsForResource("old-1")).containsEntry("k", "v");
        assertThat(data().resolve(StateFiles.LEGACY_SNAPSHOT)).doesNotExist();
        assertThat(data().resolve(StateFiles.SNAPSHOT)).exists();
    }

    @Test
    void aJournalMissingAfterTheSnapshotIsAnErrorSoAReaderRacingACompactionReadsAgain() throws Exception {
        start(persistent(2));
        awaitTerminal(submitShell("one", "true"));
        batch.journal().compact(); // snapshot naming journal 1
        batch.journal().compact(); // snapshot naming journal 2
        batch.close();
        Files.writeString(StateFiles.journal(data(), 3), "");
        Files.delete(StateFiles.journal(data(), 2)); // as if a compaction deleted it while the reader listed
        assertThatThrownBy(() -> StateReplay.read(data()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("local-batch-journal-2.jsonl is missing before");
    }

    @Test
    void aLineThatIsNotTheTornTailIsAnErrorNamingTheFileAndLine() throws Exception {
        Files.createDirectories(data());
        Files.writeString(StateFiles.journal(data(), 0), "{\"t\":\"s\",\"j\":\"nobody\",\"s\":\"RUNNING\"}\n");
        assertThatThrownBy(() -> StateReplay.read(data()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 1 of")
                .hasMessageContaining("local-batch-journal-0.jsonl")
                .hasMessageContaining("job nobody was never submitted");
    }
}
