package io.jenkins.plugins.awsbatch.engine.run.state;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end of a run: what {@code --json} prints, what notifications and the Jenkins step report. Field names
 * are the contract of docs/cli.md (`--json`).
 */
public record RunResult(
        String runId,
        String name,
        Outcome outcome,
        long durationMs,
        String mode,
        long itemCount,
        String runUri,
        String message,
        List<StageResult> stages,
        Map<String, Long> calls,
        CleanupReport cleanup) {

    /** The result of a run as its state has it ({@code nowMillis} ends the duration of a run not ended yet). */
    public static RunResult of(RunState state, Map<String, Long> calls, long nowMillis) {
        List<StageResult> stages = new ArrayList<>();
        for (StageSpec spec : state.graph.stages()) {
            StageState stage = state.stage(spec.name());
            Map<JobStatus, Integer> counts = stage.counts.isEmpty() ? Map.of() : stage.countsOverAllRounds();
            stages.add(new StageResult(
                    spec.name(),
                    stage.status,
                    stage.reason,
                    stage.jobIds(),
                    counts,
                    new ArrayList<>(stage.failedItems.values()),
                    stage.failedItems.size(),
                    new TreeMap<>(stage.recoveredInRound),
                    stage.round,
                    Math.round(stage.computeSeconds * 1000) / 1000.0));
        }
        long end = state.finishedAt > 0 ? state.finishedAt : nowMillis;
        return new RunResult(
                state.runId,
                state.name,
                state.outcome,
                end - state.startedAt,
                state.mode,
                state.itemCount,
                state.runUri,
                state.message,
                stages,
                new LinkedHashMap<>(calls),
                state.cleanup);
    }

    public List<StageResult> failedStages() {
        return stages.stream()
                .filter(s -> s.failedCount() > 0 || s.status() == StageStatus.FAILED)
                .toList();
    }
}
