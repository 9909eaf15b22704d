package io.jenkins.plugins.awsbatch.engine.run.track;

import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import java.time.Duration;

/**
 * The run's error budget: throttling past the SDK's retries, a 5xx burst or a network blip slows the run down
 * instead of failing it, until {@link #MAX_IN_A_ROW} steps in a row failed (a real outage).
 */
public final class CallFailures {
    static final int MAX_IN_A_ROW = 30;

    private final RunServices services;
    private int inARow;

    public CallFailures(RunServices services) {
        this.services = services;
    }

    /** A step went through: the budget is whole again. */
    public void succeeded() {
        inARow = 0;
    }

    /** A step's call failed: the wait before the next step, or {@code e} itself once the budget is spent. */
    public Duration failed(RuntimeException e) {
        if (++inARow > MAX_IN_A_ROW) {
            throw e;
        }
        Duration delay = services.pollSchedule().throttled();
        services.listener()
                .message("call failed (" + oneLine(e) + "); retrying in " + delay.toSeconds() + " s (" + inARow + "/"
                        + MAX_IN_A_ROW + ")");
        return delay;
    }

    /** {@code Type: first line of the message}: a failed call in one line of a run's messages. */
    public static String oneLine(RuntimeException e) {
        String message = e.getMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return e.getClass().getSimpleName() + ": "
                + (message == null ? "" : newline < 0 ? message : message.substring(0, newline));
    }
}
