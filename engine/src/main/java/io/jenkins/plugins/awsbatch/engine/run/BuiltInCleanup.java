package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.CleanupReport;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;

/**
 * A graph's built-in cleanup stage: no Batch job, the engine itself deletes the run's transient data
 * ({@link RunCleaner}) once the other stages ended, or when the run is aborted; the stage fails if that did.
 */
final class BuiltInCleanup {
    private final RunServices services;
    private final RunState state;
    private final RunJournal journal;

    BuiltInCleanup(RunServices services, RunState state, RunJournal journal) {
        this.services = services;
        this.state = state;
        this.journal = journal;
    }

    /** Runs each built-in cleanup stage not yet ended (or ended by an abort or a skip). */
    void run() {
        for (StageSpec stage : state.graph.stages()) {
            StageState stageState = state.stage(stage.name());
            if (!stage.isBuiltInCleanup()
                    || stageState.status.isFinished()
                            && stageState.status != StageStatus.ABORTED
                            && stageState.status != StageStatus.SKIPPED) {
                continue;
            }
            CleanupReport report = new RunCleaner(services.stores()).clean(state);
            state.cleanup = report;
            stageState.status = report.error() == null ? StageStatus.SUCCEEDED : StageStatus.FAILED;
            stageState.reason =
                    report.error() == null ? "deleted " + report.deletedObjects() + " object(s)" : report.error();
            stageState.finishedAt = services.clock().millis();
            services.listener()
                    .message("cleanup: deleted " + report.deletedObjects() + " object(s) under "
                            + report.deletedPrefixes() + (report.error() == null ? "" : "; error: " + report.error()));
            services.listener().stageFinished(stage.name(), stageState.status.name(), stageState.reason);
            journal.save(state);
        }
    }
}
