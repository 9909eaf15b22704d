package io.jenkins.plugins.awsbatch.exec;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * How a step ends: the value or failure is saved with the execution before it is delivered, so a restart in between
 * delivers it on resume. Saved under the execution's own field names ({@code savedValue}, {@code savedFailure},
 * {@code outcomeSaved}); whether it was delivered is not saved (a resumed step has not delivered it yet).
 */
final class SavedOutcome {
    private static final Logger LOGGER = Logger.getLogger(SavedOutcome.class.getName());
    static final long SAVE_TIMEOUT_SECONDS = 60;

    private Object value;
    private Throwable failure;
    private boolean saved;
    private final AtomicBoolean delivered = new AtomicBoolean();

    SavedOutcome(Object value, Throwable failure, boolean saved) {
        this.value = value;
        this.failure = failure;
        this.saved = saved;
    }

    /** Saves the outcome with the execution, then delivers it; only the first outcome counts. */
    void end(StepContext context, Object value, Throwable failure) {
        synchronized (this) {
            if (saved) {
                return;
            }
            this.value = value;
            this.failure = failure;
            saved = true;
        }
        try {
            context.saveState().get(SAVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            LOGGER.log(Level.FINE, "saving the outcome failed; delivering it all the same", e);
        }
        deliver(context);
    }

    /** Delivers the saved outcome to Pipeline, once. */
    void deliver(StepContext context) {
        if (delivered.compareAndSet(false, true)) {
            Throwable f;
            Object v;
            synchronized (this) {
                f = failure;
                v = value;
            }
            if (f != null) {
                context.onFailure(f);
            } else {
                context.onSuccess(v);
            }
        }
    }

    boolean isDelivered() {
        return delivered.get();
    }

    synchronized boolean isSaved() {
        return saved;
    }

    synchronized Object value() {
        return value;
    }

    synchronized Throwable failure() {
        return failure;
    }
}
