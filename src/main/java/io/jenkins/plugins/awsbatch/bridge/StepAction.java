package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.host.HostedRun;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import io.jenkins.plugins.awsbatch.exec.Journal;
import io.jenkins.plugins.awsbatch.exec.JournalSink;
import io.jenkins.plugins.awsbatch.exec.PollReport;
import java.util.List;
import java.util.Map;

/**
 * One step kind's share of a run, through the engine's host API. The step's {@link Journal} keeps only what finds
 * the run again (run id and store); the run's {@code state.json} in its store is the record.
 */
abstract class StepAction {
    /** What a step began: a run to track, or the step's finished report. */
    record Begun(HostedRun run, PollReport finished) {
        static Begun tracking(HostedRun run) {
            return new Begun(run, null);
        }

        static Begun finished(PollReport report) {
            return new Begun(null, report);
        }
    }

    final EngineSession session;
    final ConsoleListener console;

    StepAction(EngineSession session, ConsoleListener console) {
        this.session = session;
        this.console = console;
    }

    /** Begins this step's part of the run, or finds it again when the journal has its run id (a restart). */
    abstract Begun begin(Journal journal, JournalSink sink) throws Exception;

    /** A driver opened after a restart while the step tracked its run: the run comes back from its store. */
    Begun reattach(Journal journal) throws Exception {
        String store = storeIn(journal);
        session.checkAccess(null, store);
        return Begun.tracking(session.host().resume(store, journal.getRunId()));
    }

    /** A step that ended without tracking (a plan, a direct cleanup) reports its run as saved. */
    Begun reattachFinished(Journal journal) throws GraphInputException {
        String store = storeIn(journal);
        session.checkAccess(null, store);
        RunState state = session.host()
                .load(store, journal.getRunId())
                .orElseThrow(() -> new GraphInputException("run " + journal.getRunId() + ": no run state in " + store));
        session.observe(state);
        return Begun.finished(PollReport.done(
                Outcome.SUCCEEDED,
                "run " + state.runId,
                console.drain(),
                null,
                ResultMap.of(state, null, true),
                BuildPageView.of(state, null, session.settings().getRegion())));
    }

    /** Journals where the run is (before anything is written, for a new run) and saves the execution. */
    static void remember(Journal journal, JournalSink sink, String runId, String name, String store) throws Exception {
        journal.setRunId(runId);
        journal.setGraphName(name);
        journal.putResult(Map.of(ResultMap.RUN_ID, runId, ResultMap.STORE, store));
        sink.persisted();
    }

    /** The run's store: as journaled, else as the previous step returned it, else the configured one. */
    String storeOf(Journal journal, Map<String, Object> previous) {
        String saved = string(journal.getResult().get(ResultMap.STORE));
        if (saved != null) {
            return saved;
        }
        String fromPrevious = string(previous.get(ResultMap.STORE));
        if (fromPrevious != null) {
            return fromPrevious;
        }
        String fromSettings = session.storeFor(session.engineName());
        return EngineSession.canonicalStore(fromSettings != null ? fromSettings : GraphSpec.DEFAULT_STORE);
    }

    private static String storeIn(Journal journal) {
        return string(journal.getResult().get(ResultMap.STORE));
    }

    static String string(Object o) {
        return o == null || String.valueOf(o).isBlank()
                ? null
                : String.valueOf(o).trim();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String path) throws GraphInputException {
        if (o instanceof Map) {
            return (Map<String, Object>) o;
        }
        throw new GraphInputException(
                path + ": expected a map (what the previous step returned, or [runId: 'ID']), got "
                        + (o == null ? "nothing" : "a " + o.getClass().getSimpleName()));
    }

    /** The names of the stages a previous step's return map lists. */
    static List<String> stageNames(Map<String, Object> previous) {
        if (!(previous.get("stages") instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .filter(o -> o instanceof Map<?, ?> m && m.get("name") != null)
                .map(o -> String.valueOf(((Map<?, ?>) o).get("name")))
                .toList();
    }
}
