package io.jenkins.plugins.awsbatch.exec;

import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.exec.GraphStepExecution.Phase;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A step's work on the background pool: submit (saving the execution after each job, before the next AWS call),
 * then poll one at a time on the timer with the {@link PollPacing}, then end the step with its
 * {@link StepOutcome}. Every phase change yields to a stop that came first.
 */
final class RunLoop {
    private static final Logger LOGGER = Logger.getLogger(GraphStepExecution.class.getName());

    private final GraphStepExecution execution;
    private final SavedRun run;
    private final PollPacing pacing;
    private final ExecutionConsole console;

    RunLoop(GraphStepExecution execution, SavedRun run, PollPacing pacing, ExecutionConsole console) {
        this.execution = execution;
        this.run = run;
        this.pacing = pacing;
        this.console = console;
    }

    void submitPhase() {
        if (run.phase() == Phase.STOPPING || execution.isCompleted()) {
            return;
        }
        ReentrantLock lock = execution.handle().lock();
        lock.lock();
        try {
            execution.driver().submit(run.journal(), this::persist);
        } catch (Throwable t) {
            lock.unlock();
            if (run.phase() != Phase.STOPPING) {
                fail(t); // when stopping, stop() terminates what was journaled and completes the step
            }
            return;
        }
        lock.unlock();
        if (!run.advance(Phase.TRACKING)) {
            return;
        }
        pacing.start();
        try {
            context().saveState();
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "saveState failed", e);
        }
        pollPhase();
    }

    void pollPhase() {
        if (run.phase() != Phase.TRACKING || execution.isCompleted()) {
            return;
        }
        PollReport report;
        ReentrantLock lock = execution.handle().lock();
        lock.lock();
        try {
            report = execution.driver().poll(run.journal(), this::persist);
        } catch (GraphInputException e) {
            lock.unlock();
            fail(e);
            return;
        } catch (Throwable t) {
            lock.unlock();
            pollFailed(t);
            return;
        }
        lock.unlock();
        report.getLines().forEach(console::log);
        BuildAccess.publish(context(), report.getRecord());
        boolean changed = pacing.answered(report.getStatus(), report.getDelayHintMillis());
        if (changed && report.getStatus() != null && report.getLines().isEmpty()) {
            console.log(report.getStatus());
        }
        if (report.isDone()) {
            finish(report);
        } else if (!execution.getRequest().isWaitForCompletion()) {
            finish(PollReport.done(Outcome.SUCCEEDED, report.getStatus(), List.of(), null, report.getResult(), null));
        } else {
            schedulePoll();
        }
    }

    /** A poll that failed is tried again with backoff until the error budget is spent, then the run is stopped. */
    private void pollFailed(Throwable t) {
        if (run.phase() != Phase.TRACKING) {
            return;
        }
        int errors = pacing.failed();
        if (errors >= PollPacing.MAX_POLL_ERRORS) {
            if (run.move(Phase.TRACKING, Phase.STOPPING)) {
                execution.pending(new Termination(execution, run, console).afterPollErrors(t));
            }
            return;
        }
        console.log("Polling " + run.describe() + " failed (" + errors + "/" + PollPacing.MAX_POLL_ERRORS + "): "
                + StepText.oneLine(t) + "; retrying");
        schedulePoll();
    }

    private void schedulePoll() {
        if (run.phase() != Phase.TRACKING) {
            return;
        }
        ExecutionRuntime runtime = execution.runtime();
        execution.pending(runtime.schedule(
                () -> {
                    if (run.phase() == Phase.TRACKING) {
                        execution.pending(runtime.execute(this::pollPhase));
                    }
                },
                pacing.arm()));
    }

    private void finish(PollReport report) {
        if (!run.advance(Phase.DONE)) {
            return;
        }
        execution.handle().close();
        GraphRequest request = execution.getRequest();
        StepOutcome end = StepOutcome.of(request, run.describe(), run.journal(), report);
        if (end.unstableWarning() != null) {
            console.log("Tolerated failures, marking the build UNSTABLE: " + end.unstableWarning());
            BuildAccess.markUnstable(context(), end.unstableWarning());
        }
        if (end.aborted()) {
            BuildAccess.markAborted(context());
        }
        execution.end(end.value(), end.failure());
    }

    private void fail(Throwable t) {
        if (!run.advance(Phase.DONE)) {
            return; // stop() terminates what was journaled and completes the step
        }
        execution.handle().close();
        execution.end(null, StepOutcome.failureOf(execution.getRequest(), t));
    }

    /** Called by the driver after each journaled submission: saves before the next AWS call. */
    private void persist() throws Exception {
        GraphRequest request = execution.getRequest();
        console.announce(run.journal(), request.getSettings().orElse(request.getDefaults()));
        try {
            context().saveState().get(SavedOutcome.SAVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            console.log("Warning: saving the step state took more than " + SavedOutcome.SAVE_TIMEOUT_SECONDS
                    + "s; the run's own state in the store still records the job ids");
        }
        if (run.phase() == Phase.STOPPING) {
            throw new InterruptedException("stopping: no further submissions");
        }
    }

    private StepContext context() {
        return execution.getContext();
    }
}
