package io.jenkins.plugins.awsbatch.exec;

import hudson.AbortException;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How a step execution stops early (aborted, restarted while stopping, or out of poll errors): it asks AWS Batch to
 * terminate every job of the run on the background pool, then fails the step; bounded, so after the poll policy's
 * stop timeout the step fails all the same (naming the jobs that may still run).
 */
final class Termination {
    private final GraphStepExecution execution;
    private final SavedRun run;
    private final ExecutionConsole console;

    Termination(GraphStepExecution execution, SavedRun run, ExecutionConsole console) {
        this.execution = execution;
        this.run = run;
        this.console = console;
    }

    /**
     * Terminates the run's jobs, then fails the step with {@code cause} (and marks the build ABORTED when
     * {@code markAborted}).
     *
     * @return the background work, which {@link GraphStepExecution#stop} may cancel
     */
    Future<?> thenFail(String reason, Throwable cause, boolean markAborted) {
        ExecutionRuntime rt = execution.runtime();
        long bound = execution.getRequest().getPollPolicy().getStopTimeoutMillis();
        Future<?> fallback = rt.schedule(
                () -> {
                    if (!execution.isCompleted()) {
                        console.log("Gave up waiting for termination after " + TimeUnit.MILLISECONDS.toSeconds(bound)
                                + "s; these jobs may still be running: "
                                + run.journal().getJobIds());
                        fail(cause, markAborted);
                    }
                },
                bound);
        return rt.execute(() -> {
            try {
                terminateNow(reason, bound);
            } finally {
                fallback.cancel(false);
                fail(cause, markAborted);
            }
        });
    }

    /**
     * After {@link PollPacing#MAX_POLL_ERRORS} failed polls in a row: terminates the run's jobs and fails naming the
     * job ids, so nothing keeps running unseen.
     */
    Future<?> afterPollErrors(Throwable cause) {
        List<String> ids = run.journal().getJobIds();
        String problem = run.describe() + " after " + PollPacing.MAX_POLL_ERRORS + " failed polls ("
                + StepText.oneLine(cause) + ")";
        console.log(
                "Gave up polling " + problem + "; terminating its " + ids.size() + " job(s): " + String.join(" ", ids));
        return thenFail(
                "Jenkins gave up polling the run",
                new AbortException(execution.getRequest().getKind().functionName() + ": gave up polling " + problem
                        + "; asked AWS Batch to terminate its " + ids.size() + " job(s): " + JobIdList.of(ids)),
                false);
    }

    private void fail(Throwable cause, boolean markAborted) {
        if (markAborted && !execution.isCompleted()) {
            BuildAccess.markAborted(execution.getContext());
        }
        execution.completeFailure(cause);
    }

    /** Waits at most {@code boundMillis} for a submission or poll in flight, then asks for the termination. */
    private void terminateNow(String reason, long boundMillis) {
        DriverHandle handle = execution.handle();
        ReentrantLock lock = handle.lock();
        boolean locked = false;
        try {
            locked = lock.tryLock(boundMillis, TimeUnit.MILLISECONDS);
            int n = execution.driver().terminateAll(run.journal(), reason);
            console.log("Asked AWS Batch to terminate " + n + " job(s) of " + run.describe() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            console.log("Could not terminate the jobs of " + run.describe() + ": " + StepText.oneLine(t) + "; job ids: "
                    + run.journal().getJobIds());
        } finally {
            if (locked) {
                lock.unlock();
            }
            handle.close();
        }
    }
}
