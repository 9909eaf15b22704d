package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.run.state.JobRecord;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.run.wiring.LazyStores;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code batchgraph status RUN}: what the run's journal says, stage by stage, with each stage's progress; for a
 * run on the local engine that has not finished, the progress of its current round comes from the engine's own
 * job table (fresher than the journal, and still there when the run's CLI was stopped).
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a run's state from its journal.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    RunSelection selection;

    @Option(names = "--json", description = "print the journal as JSON on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (LazyStores stores = selection.stores()) {
            RunState state = selection.load(stores);
            if (json) {
                System.out.println(Json.mapper().writeValueAsString(state));
                return 0;
            }
            Optional<LocalJobTable> live = state.outcome == null ? LocalJobTable.of(state) : Optional.empty();
            System.out.printf(
                    "run %s (%s, %s engine, %s mode): %s%n",
                    state.runId, state.name, state.engine, state.mode, headline(state));
            System.out.printf(
                    "  %d item(s), started %s, data in %s%n",
                    Math.max(0, state.itemCount), Instant.ofEpochMilli(state.startedAt), state.runUri);
            for (Map.Entry<String, StageState> entry : state.stages.entrySet()) {
                StageState stage = entry.getValue();
                System.out.printf(
                        "  %-12s %-9s %s; jobs %d, failed items %d%s%n",
                        entry.getKey(),
                        stage.status,
                        progress(stage, live),
                        stage.jobs.size(),
                        stage.failedItems.size(),
                        stage.reason == null ? "" : " (" + stage.reason + ")");
            }
            if (state.message != null) {
                System.out.println("  " + state.message);
            }
            if (state.cleanup != null) {
                System.out.println("  cleaned up: deleted " + state.cleanup.deletedObjects() + " object(s)"
                        + (state.cleanup.error() == null ? "" : "; error: " + state.cleanup.error()));
            }
            return state.outcome == null ? 0 : state.outcome.exitCode();
        }
    }

    private static String headline(RunState state) {
        if (state.outcome != null) {
            return state.outcome + " in " + seconds(state.finishedAt - state.startedAt);
        }
        return "not finished, started " + seconds(System.currentTimeMillis() - state.startedAt)
                + " ago (if no process runs it any more: batchgraph resume " + state.runId + ")";
    }

    /** {@code 12/20 succeeded, 2 running, 1 failed}, over the stage's whole population, retry rounds included. */
    private static String progress(StageState stage, Optional<LocalJobTable> live) {
        if (stage.jobs.isEmpty()) {
            return stage.status == StageStatus.WAITING ? "not submitted yet" : "no jobs";
        }
        Map<JobStatus, Integer> round = stage.counts;
        if (stage.status == StageStatus.SUBMITTED && live.isPresent()) {
            round = liveRoundCounts(stage, live.get()).orElse(stage.counts);
        }
        Map<JobStatus, Integer> counts = stage.overAllRounds(round);
        int succeeded = counts.getOrDefault(JobStatus.SUCCEEDED, 0);
        int failed = counts.getOrDefault(JobStatus.FAILED, 0);
        int running = counts.getOrDefault(JobStatus.RUNNING, 0);
        int starting = counts.getOrDefault(JobStatus.STARTING, 0); // placed, not running yet (ProgressText)
        long total = stage.populationSize > 0
                ? stage.populationSize
                : counts.values().stream().mapToLong(Integer::longValue).sum();
        return succeeded + "/" + total + " succeeded, " + running + " running, " + failed + " failed"
                + (starting > 0 ? ", " + starting + " starting" : "")
                + (stage.round > 0 ? " (retry round " + stage.round + ")" : "");
    }

    /** The current round's children per status as the engine's table has them; empty if it knows none of them. */
    private static Optional<Map<JobStatus, Integer>> liveRoundCounts(StageState stage, LocalJobTable table) {
        Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
        boolean known = false;
        for (JobRecord job : stage.jobsOfRound(stage.round)) {
            Optional<Map<JobStatus, Integer>> jobCounts = table.counts(job.jobId());
            known |= jobCounts.isPresent();
            jobCounts
                    .orElse(Map.of(JobStatus.SUBMITTED, job.size()))
                    .forEach((s, n) -> counts.merge(s, n, Integer::sum));
        }
        return known ? Optional.of(counts) : Optional.empty();
    }

    private static String seconds(long millis) {
        return String.format("%.1f s", Math.max(0, millis) / 1000.0);
    }
}
