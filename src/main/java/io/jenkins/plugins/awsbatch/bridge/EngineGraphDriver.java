package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.host.HostedRun;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.track.FailureDigest;
import io.jenkins.plugins.awsbatch.exec.DriverContext;
import io.jenkins.plugins.awsbatch.exec.GraphDriver;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import io.jenkins.plugins.awsbatch.exec.Journal;
import io.jenkins.plugins.awsbatch.exec.JournalSink;
import io.jenkins.plugins.awsbatch.exec.PollReport;
import java.util.List;
import java.util.Map;

/**
 * A step's {@link GraphDriver} over the engine's host API: one {@link StepAction} per step kind begins the
 * step's part of the run; this class tracks the run it began and reports it (return map, build page, status
 * line, notifications, JUnit XML). Every SubmitJob is journaled by the engine in the run's {@code state.json},
 * then recorded in the step's {@link Journal} and saved through the {@link JournalSink} before the next call. A
 * driver re-created after a restart finds the run by its id and store and resumes it: nothing is submitted twice.
 */
final class EngineGraphDriver implements GraphDriver {
    private static final int DIGEST_ITEMS = 10;

    private final EngineSession session;
    private final ConsoleListener console;
    private final StepAction action;

    private HostedRun run;
    /** Set when the step finished without tracking a run (a plan, a direct cleanup). */
    private PollReport finished;

    EngineGraphDriver(GraphRequest request, DriverContext context, FailureEvents failureEvents) {
        this.console = new ConsoleListener(() -> run == null ? null : run.state());
        this.session = new EngineSession(request, context, console);
        this.action = switch (request.getKind()) {
            case PLAN -> new PlanAction(session, console);
            case FAN_OUT, AGGREGATE -> new ExtendAction(session, console);
            case CLEANUP ->
                request.getArguments().get("jobDefinition") == null
                        ? new CleanupAction(session, console)
                        : new ExtendAction(session, console);
            case RUN -> new RunFileAction(session, console, failureEvents);
        };
    }

    @Override
    public void submit(Journal journal, JournalSink sink) throws Exception {
        console.attach(journal, sink);
        try {
            JUnitResults.checkPath(session.request());
            adopt(action.begin(journal, sink));
            if (run != null) {
                run.step(); // submits what is released now (each job journaled and saved before the next)
            }
        } catch (GraphValidationException e) {
            throw InputErrors.of(e);
        } catch (CheckedFailure e) {
            throw e.cause;
        } finally {
            console.flushTo(session.context().getLogger());
        }
    }

    @Override
    public PollReport poll(Journal journal, JournalSink sink) throws Exception {
        console.attach(journal, sink);
        boolean done;
        try {
            if (finished == null && run == null) {
                adopt(action.reattach(journal)); // a new driver after a restart while tracking
            }
            if (finished != null) {
                return finished;
            }
            done = run.step();
        } catch (GraphValidationException e) {
            throw InputErrors.of(e); // a stage not submitted yet names a queue or definition Batch does not have
        } catch (CheckedFailure e) {
            throw e.cause;
        }
        RunState state = run.state();
        session.observe(state);
        RunResult result = run.result();
        List<String> out = console.drain();
        var record = BuildPageView.of(state, result, session.settings().getRegion());
        Map<String, Object> returned = ResultMap.of(state, result, false);
        journal.putResult(Map.of(ResultMap.RUN_ID, state.runId, ResultMap.STORE, state.storeUri));
        String status = StatusLine.of(state);
        if (!done) {
            return PollReport.running(status, out, record, returned)
                    .withDelayHint(run.nextDelay().toMillis());
        }
        Outcome outcome = result.outcome();
        String summary = null;
        if (outcome != Outcome.SUCCEEDED) {
            summary = FailureDigest.oneLine(result);
            out.addAll(new FailureDigest(DIGEST_ITEMS).lines(result));
        }
        GraphRequest request = session.request();
        DriverContext context = session.context();
        out.addAll(DriverNotifications.send(request, context, session.settings(), state, result, run.engine()));
        out.addAll(JUnitResults.write(
                request, context, state, run.engine().services().stores()));
        return PollReport.done(outcome, status, out, summary, returned, record);
    }

    @Override
    public int terminateAll(Journal journal, String reason) throws Exception {
        try {
            if (run == null && finished == null && journal.getRunId() != null) {
                try {
                    adopt(action.reattach(journal));
                } catch (GraphInputException | GraphValidationException e) {
                    return 0;
                }
            }
            if (run == null) {
                return 0;
            }
            int open = run.abort(reason);
            session.observe(run.state());
            return open;
        } catch (CheckedFailure e) {
            throw e.cause;
        } finally {
            console.flushTo(session.context().getLogger());
        }
    }

    @Override
    public void close() {
        if (run != null) {
            HostedRun r = run;
            run = null;
            r.close();
        }
    }

    private void adopt(StepAction.Begun begun) {
        run = begun.run();
        finished = begun.finished();
        if (run != null) {
            session.observe(run.state());
        }
    }
}
