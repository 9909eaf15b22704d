package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.graph.StageDependency;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.run.submit.StageRelease;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code rerun --failed}: which stages of a finished run open a new round, and which items such a round runs.
 * A stage with failed items reopens, and so does every stage after it (an item that failed in stage 1 never
 * ran, or failed as a dependent, in stage 2). A stage that was skipped starts afresh; the others wait until
 * the stages they depend on have ended and then run only their own failed items and the items they never got,
 * as far as those succeeded upstream.
 */
final class FailedRerun {
    private FailedRerun() {}

    /** Why {@code state} cannot be rerun, or empty when it can. */
    static Optional<String> refusal(RunState state) {
        String id = state.runId;
        if (state.outcome == null) {
            return Optional.of("run " + id + " has not finished: `batchgraph resume " + id
                    + "` tracks it to its end, then rerun its failed items");
        }
        if (state.outcome == Outcome.ABORTED) {
            return Optional.of("run " + id + " was aborted, so its unfinished stages were never judged: start it"
                    + " again with `batchgraph run`");
        }
        if (state.stages.values().stream().allMatch(s -> s.failedItems.isEmpty())) {
            return Optional.of("run " + id + " ended " + state.outcome + " with no failed items: nothing to rerun");
        }
        if (state.cleanup != null) {
            return Optional.of("run " + id + " was cleaned up (its items and stage outputs are deleted), so its"
                    + " failed items cannot run again: start a new run with `batchgraph run`");
        }
        return Optional.empty();
    }

    /**
     * Reopens the stages with failed items and every stage after them, and clears the run's outcome; the caller
     * journals it before anything is submitted. Returns the reopened stages.
     */
    static Set<String> reopen(RunState state) {
        Set<String> reopened = new LinkedHashSet<>();
        for (StageSpec stage : state.graph.stages()) {
            StageState stageState = state.stage(stage.name());
            boolean afterReopened =
                    stage.dependsOn().stream().map(StageDependency::stage).anyMatch(reopened::contains);
            if (stageState.failedItems.isEmpty() && !afterReopened) {
                continue;
            }
            reopened.add(stage.name());
            stageState.reason = null;
            stageState.finishedAt = 0;
            if (stageState.jobs.isEmpty()) {
                stageState.status = StageStatus.WAITING; // skipped before: released as in a new run
            } else {
                stageState.status = StageStatus.SUBMITTED;
                stageState.roundSubmitted = false;
                stageState.rerunPending = true;
            }
        }
        state.reruns++;
        state.outcome = null;
        state.message = null;
        state.finishedAt = 0;
        state.submitting = null;
        return reopened;
    }

    /**
     * What a reopened stage's round runs once the stages it depends on ended: {@code items} of an array stage, the
     * whole stage again ({@code items} null, {@code whole}), or nothing; nothing at all unless every stage it
     * depends on is usable ({@code upstreamUsable}).
     */
    record Round(boolean upstreamUsable, TreeSet<Long> items, boolean whole) {
        boolean isEmpty() {
            return items == null ? !whole : items.isEmpty();
        }
    }

    static Round round(RunState state, StageSpec stage, Function<String, long[]> population) {
        boolean upstreamUsable = stage.dependsOn().stream()
                .map(d -> state.stage(d.stage()))
                .allMatch(up -> up.status.isUsable()
                        || up.status == StageStatus.SKIPPED && StageRelease.NO_ITEMS.equals(up.reason));
        if (stage.type() == StageType.ARRAY) {
            return new Round(
                    upstreamUsable, upstreamUsable ? itemsToRun(state, stage, population) : new TreeSet<>(), false);
        }
        return new Round(upstreamUsable, null, upstreamUsable && rerunsWhole(state, stage));
    }

    /** Whether every stage {@code stage} depends on has ended (a pending rerun round has not). */
    static boolean upstreamEnded(RunState state, StageSpec stage) {
        return stage.dependsOn().stream()
                .map(d -> state.stage(d.stage()))
                .allMatch(up -> up.status.isFinished() && !up.rerunPending);
    }

    /**
     * The items a reopened array stage runs in its rerun round: its failed items and the items left out of its
     * population, each only if it succeeded in every array stage it depends on (and is in that stage's population).
     *
     * @param population reads a population index map
     */
    static TreeSet<Long> itemsToRun(RunState state, StageSpec stage, Function<String, long[]> population) {
        StageState stageState = state.stage(stage.name());
        TreeSet<Long> candidates = new TreeSet<>(stageState.failedItems.keySet());
        if (stageState.populationUri != null) {
            long[] ran = sorted(population.apply(stageState.populationUri));
            for (long i = 0; i < state.itemCount; i++) {
                if (Arrays.binarySearch(ran, i) < 0) {
                    candidates.add(i);
                }
            }
        }
        for (StageDependency dep : stage.dependsOn()) {
            StageSpec upstream = state.graph.stage(dep.stage()).orElseThrow();
            StageState up = state.stage(dep.stage());
            if (upstream.type() != StageType.ARRAY) {
                continue;
            }
            candidates.removeAll(up.failedItems.keySet());
            if (up.populationUri != null) {
                long[] upPopulation = sorted(population.apply(up.populationUri));
                candidates.removeIf(i -> Arrays.binarySearch(upPopulation, i) < 0);
            }
        }
        return candidates;
    }

    /**
     * Whether a reopened non-array stage runs again: it failed, or a stage it depends on changed in its rerun
     * round (an array recovered items, a non-array stage ran again).
     */
    static boolean rerunsWhole(RunState state, StageSpec stage) {
        if (!state.stage(stage.name()).failedItems.isEmpty()) {
            return true;
        }
        for (StageDependency dep : stage.dependsOn()) {
            StageSpec upstream = state.graph.stage(dep.stage()).orElseThrow();
            StageState up = state.stage(dep.stage());
            boolean ranAgain = up.rerunRound > 0 && up.round == up.rerunRound;
            if (ranAgain && (upstream.type() != StageType.ARRAY || up.recoveredInRound.containsValue(up.rerunRound))) {
                return true;
            }
        }
        return false;
    }

    private static long[] sorted(long[] items) {
        long[] copy = items.clone();
        Arrays.sort(copy);
        return copy;
    }
}
