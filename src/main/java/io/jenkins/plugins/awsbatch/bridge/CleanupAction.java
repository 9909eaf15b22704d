package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.run.state.CleanupReport;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import io.jenkins.plugins.awsbatch.exec.Journal;
import io.jenkins.plugins.awsbatch.exec.JournalSink;
import io.jenkins.plugins.awsbatch.exec.PollReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code awsBatchCleanup} without a job definition: the run's transient data deleted here, under its lock. */
final class CleanupAction extends StepAction {
    CleanupAction(EngineSession session, ConsoleListener console) {
        super(session, console);
    }

    @Override
    Begun begin(Journal journal, JournalSink sink) throws Exception {
        Map<String, Object> args = session.request().getArguments();
        Map<String, Object> plan = args.get("plan") == null ? Map.of() : map(args.get("plan"), "plan");
        String runId = journal.getRunId() != null
                ? journal.getRunId()
                : string(args.get(ResultMap.RUN_ID)) != null
                        ? string(args.get(ResultMap.RUN_ID))
                        : string(plan.get(ResultMap.RUN_ID));
        if (runId == null) {
            throw new GraphInputException(
                    "plan or runId: say which run to clean up (plan: what awsBatchPlan returned, or runId: 'ID')");
        }
        String store = storeOf(journal, plan);
        session.checkAccess(null, store);
        RunState state = session.host().cleanup(store, runId);
        session.observe(state);
        journal.setRunId(runId);
        journal.putResult(Map.of(ResultMap.RUN_ID, runId, ResultMap.STORE, state.storeUri));
        CleanupReport report = state.cleanup;
        Map<String, Object> result = ResultMap.of(state, null, true);
        result.put("deletedObjects", report.deletedObjects());
        result.put("deletedPrefixes", new ArrayList<>(report.deletedPrefixes()));
        result.put("kept", new ArrayList<>(report.kept()));
        console.message("cleanup of run " + runId + ": deleted " + report.deletedObjects() + " object(s) under "
                + report.deletedPrefixes() + "; kept " + report.kept());
        List<String> lines = console.drain();
        if (report.error() != null) {
            return Begun.finished(PollReport.done(
                    Outcome.FAILED,
                    "cleanup failed",
                    lines,
                    "cleanup of run " + runId + " failed: " + report.error(),
                    result,
                    null));
        }
        return Begun.finished(PollReport.done(Outcome.SUCCEEDED, "cleaned up run " + runId, lines, null, result, null));
    }

    @Override
    Begun reattach(Journal journal) throws Exception {
        return reattachFinished(journal);
    }
}
