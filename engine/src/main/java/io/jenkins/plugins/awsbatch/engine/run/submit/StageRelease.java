package io.jenkins.plugins.awsbatch.engine.run.submit;

import io.jenkins.plugins.awsbatch.engine.graph.ExecutionModes;
import io.jenkins.plugins.awsbatch.engine.graph.StageDependency;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;

/** When a waiting stage goes: not yet, skipped, or submitted upfront (with Batch dependencies) or gated. */
public enum StageRelease {
    NOT_YET,
    SKIP,
    SUBMIT_UPFRONT,
    SUBMIT_GATED;

    /** Why an array stage of a plan without items was skipped. */
    public static final String NO_ITEMS = "no items";

    public static StageRelease of(RunState state, StageSpec stage) {
        // After a rerun the stages before may be in a later round: wait for them instead of Batch dependencies.
        boolean gated = ExecutionModes.isGated(state.graph, stage) || state.reruns > 0;
        if (!state.stage(stage.name()).jobs.isEmpty()) {
            // Partly submitted before an interruption: finish it (by name), whatever happened upstream since.
            return gated ? SUBMIT_GATED : SUBMIT_UPFRONT;
        }
        if (stage.type() == StageType.CLEANUP) {
            boolean othersDone = state.graph.stages().stream()
                    .filter(s -> s.type() != StageType.CLEANUP)
                    .allMatch(s -> state.stage(s.name()).status.isFinished());
            return othersDone ? SUBMIT_GATED : NOT_YET;
        }
        if (stage.type() == StageType.ARRAY && state.itemCount == 0) {
            return SKIP;
        }
        for (StageDependency dep : stage.dependsOn()) {
            StageStatus upstream = state.stage(dep.stage()).status;
            if (upstream == StageStatus.SKIPPED && NO_ITEMS.equals(state.stage(dep.stage()).reason)) {
                continue; // a plan with zero items succeeds: what comes after its skipped arrays still runs
            }
            if (upstream == StageStatus.FAILED || upstream == StageStatus.SKIPPED || upstream == StageStatus.ABORTED) {
                return SKIP;
            }
            if (gated ? !upstream.isUsable() : upstream == StageStatus.WAITING) {
                return NOT_YET;
            }
        }
        return gated ? SUBMIT_GATED : SUBMIT_UPFRONT;
    }
}
