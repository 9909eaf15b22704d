package io.jenkins.plugins.awsbatch.exec;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamField;
import java.util.Objects;
import java.util.concurrent.Future;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The durable, asynchronous execution behind every aws-batch-graph step (the pattern of {@code SleepStep}
 * and {@code DurableTaskStep.Execution}).
 *
 * <ul>
 * <li>{@link #start()} returns at once; validation and submission run on a background thread, never the CPS
 * VM thread, and no executor is held while waiting.</li>
 * <li>Only serialisable, secret-free state is kept: the {@link GraphRequest}, the {@link SavedRun} (the
 * {@link Journal} with run id, store and job ids, and the phase), the {@link PollPacing} and the
 * {@link SavedOutcome}. After each submission the journal is saved with {@link StepContext#saveState()} before the
 * next AWS call.</li>
 * <li>Tracking is one poll at a time, scheduled on the Jenkins timer with backoff and jitter.</li>
 * <li>{@link #onResume()} re-arms tracking (or continues a submission from the journal) and never submits
 * a journaled job again.</li>
 * <li>{@link #stop(Throwable)} terminates every non-terminal job of the run, bounded in time, then fails the
 * step with the given cause ({@link Termination}).</li>
 * </ul>
 *
 * The saved form is the twelve fields earlier versions wrote ({@code serialPersistentFields}), read into and
 * written from the parts above, so a Pipeline resumed after an upgrade (or a downgrade) reads what was saved.
 */
public class GraphStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    /** The saved form: the names and types of the fields this class had before its parts were split out. */
    private static final ObjectStreamField[] serialPersistentFields = {
        new ObjectStreamField("request", GraphRequest.class),
        new ObjectStreamField("factory", DriverFactory.class),
        new ObjectStreamField("journal", Journal.class),
        new ObjectStreamField("phase", Phase.class),
        new ObjectStreamField("delayMillis", long.class),
        new ObjectStreamField("nextPollAtMillis", long.class),
        new ObjectStreamField("lastStatus", String.class),
        new ObjectStreamField("announced", int.class),
        new ObjectStreamField("pollErrors", int.class),
        new ObjectStreamField("savedValue", Object.class),
        new ObjectStreamField("savedFailure", Throwable.class),
        new ObjectStreamField("outcomeSaved", boolean.class)
    };

    /** Where the execution is in its life. */
    public enum Phase {
        NEW,
        SUBMITTING,
        TRACKING,
        STOPPING,
        DONE
    }

    // saved through serialPersistentFields by writeObject and readObject, not field by field
    private transient GraphRequest request;
    private transient DriverFactory factory;
    private transient SavedRun run;
    private transient PollPacing pacing;
    private transient ExecutionConsole console;
    private transient SavedOutcome outcome;

    private transient volatile DriverHandle driverHandle;
    private transient volatile Future<?> pending;

    public GraphStepExecution(
            @NonNull StepContext context, @NonNull GraphRequest request, @NonNull DriverFactory factory) {
        super(context);
        this.request = Objects.requireNonNull(request, "request");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.run = new SavedRun(new Journal(), Phase.NEW);
        this.pacing = new PollPacing(request.getPollPolicy(), 0, 0, null, 0);
        this.console = new ExecutionConsole(this::getContext, 0);
        this.outcome = new SavedOutcome(null, null, false);
    }

    // ---- lifecycle -------------------------------------------------------------------------------------

    @Override
    public boolean start() throws Exception {
        run.begin(Phase.SUBMITTING);
        pending = runtime().execute(() -> loop().submitPhase());
        return false;
    }

    @Override
    public void onResume() {
        if (outcome.isSaved()) {
            // finished before the restart: the saved outcome was not delivered yet
            pending = runtime().execute(() -> outcome.deliver(getContext()));
            return;
        }
        switch (run.phase()) {
            case NEW:
            case SUBMITTING:
                pending = runtime().execute(() -> {
                    console.log("Resuming submission of " + run.describe() + ": " + run.journaled()
                            + " job(s) already journaled, none will be submitted again.");
                    loop().submitPhase();
                });
                break;
            case TRACKING:
                pending = runtime().execute(() -> {
                    console.log("Resuming tracking of " + run.describe() + " (" + run.journaled()
                            + " job(s)); nothing is resubmitted.");
                    loop().pollPhase();
                });
                break;
            case STOPPING:
                pending = termination()
                        .thenFail(
                                "Jenkins restarted while the run was being stopped",
                                new AbortException(request.getKind().functionName() + ": aborted"),
                                true);
                break;
            case DONE:
            default:
                pending = runtime().execute(this::resumeDone);
                break;
        }
    }

    /**
     * Jenkins restarted after the step marked itself done but before its outcome was saved: poll the run again,
     * which finds the same end.
     */
    private void resumeDone() {
        if (run.move(Phase.DONE, Phase.TRACKING)) {
            console.log(
                    "Resuming " + run.describe() + ": its outcome was not saved before the restart; polling it again.");
            loop().pollPhase();
        }
    }

    /** True while jobs are being submitted or terminated: a restart then would interrupt AWS calls in flight. */
    @Override
    public boolean blocksRestart() {
        Phase now = run.phase();
        return now == Phase.SUBMITTING || now == Phase.STOPPING;
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        Phase before = run.stopping();
        Future<?> p = pending;
        if (p != null) {
            p.cancel(false);
        }
        if (before == Phase.DONE) {
            // on the pool: completing saves the execution and waits for it, never on the caller's (CPS) thread
            pending = runtime().execute(() -> completeFailure(cause));
            return;
        }
        pending =
                termination().thenFail("Aborted by Jenkins (" + cause.getClass().getSimpleName() + ")", cause, false);
    }

    @Override
    public String getStatus() {
        return StepText.status(
                run.phase(), run.describe(), run.journaled(), pacing.nextPollAtMillis(), pacing.lastStatus());
    }

    // ---- saving ----------------------------------------------------------------------------------------

    private void writeObject(ObjectOutputStream out) throws IOException {
        ObjectOutputStream.PutField f = out.putFields();
        f.put("request", request);
        f.put("factory", factory);
        f.put("journal", run.journal());
        f.put("phase", run.phase());
        f.put("delayMillis", pacing.delayMillis());
        f.put("nextPollAtMillis", pacing.nextPollAtMillis());
        f.put("lastStatus", pacing.lastStatus());
        f.put("pollErrors", pacing.pollErrors());
        f.put("announced", console.announced());
        synchronized (outcome) {
            f.put("savedValue", outcome.value());
            f.put("savedFailure", outcome.failure());
            f.put("outcomeSaved", outcome.isSaved());
        }
        out.writeFields();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        ObjectInputStream.GetField f = in.readFields();
        request = (GraphRequest) f.get("request", null);
        factory = (DriverFactory) f.get("factory", null);
        run = new SavedRun((Journal) f.get("journal", null), (Phase) f.get("phase", null));
        pacing = new PollPacing(
                request.getPollPolicy(),
                f.get("delayMillis", 0L),
                f.get("nextPollAtMillis", 0L),
                (String) f.get("lastStatus", null),
                f.get("pollErrors", 0));
        console = new ExecutionConsole(this::getContext, f.get("announced", 0));
        outcome = new SavedOutcome(
                f.get("savedValue", null), (Throwable) f.get("savedFailure", null), f.get("outcomeSaved", false));
    }

    // ---- parts -----------------------------------------------------------------------------------------

    /** Saves the step's outcome with the execution, then delivers it (see {@link SavedOutcome}). */
    void end(Object value, Throwable failure) {
        outcome.end(getContext(), value, failure);
    }

    void completeFailure(Throwable t) {
        end(null, t);
    }

    void pending(Future<?> work) {
        pending = work;
    }

    private RunLoop loop() {
        return new RunLoop(this, run, pacing, console);
    }

    boolean isCompleted() {
        return outcome.isDelivered();
    }

    private Termination termination() {
        return new Termination(this, run, console);
    }

    DriverHandle handle() {
        DriverHandle h = driverHandle;
        if (h == null) {
            synchronized (this) {
                if (driverHandle == null) {
                    driverHandle = new DriverHandle();
                }
                h = driverHandle;
            }
        }
        return h;
    }

    ExecutionRuntime runtime() {
        return factory.runtime();
    }

    GraphDriver driver() throws Exception {
        return handle().get(() -> factory.open(
                request,
                BuildAccess.driverContext(getContext(), request, runtime().proxy())));
    }

    // ---- test and diagnostics access -------------------------------------------------------------------

    public Phase getPhase() {
        return run.phase();
    }

    public Journal getJournal() {
        return run.journal();
    }

    public GraphRequest getRequest() {
        return request;
    }
}
