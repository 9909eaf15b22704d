package io.jenkins.plugins.awsbatch.exec;

import io.jenkins.plugins.awsbatch.action.GraphRecord;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one tracking step found. Plain data. */
public final class PollReport {
    private final boolean done;
    private final Outcome outcome;
    private final String status;
    private final List<String> lines;
    private final String failureSummary;
    private final Map<String, Object> result;
    private final GraphRecord record;
    private long delayHintMillis;

    private PollReport(
            boolean done,
            Outcome outcome,
            String status,
            List<String> lines,
            String failureSummary,
            Map<String, Object> result,
            GraphRecord record) {
        this.done = done;
        this.outcome = outcome;
        this.status = status;
        this.lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
        this.failureSummary = failureSummary;
        this.result = result == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(result));
        this.record = record;
    }

    /** Still running; {@code status} is one line such as "rank: 9,812/10,000 succeeded, 3 failed". */
    public static PollReport running(String status, List<String> lines, GraphRecord record) {
        return new PollReport(false, null, status, lines, null, null, record);
    }

    /**
     * Still running, with what the step returns if it does not wait ({@code wait: false}): the run id and the
     * job ids submitted so far.
     */
    public static PollReport running(
            String status, List<String> lines, GraphRecord record, Map<String, Object> result) {
        return new PollReport(false, null, status, lines, null, result, record);
    }

    /** The engine's own idea of when to poll next (its backoff); 0 when it has none. */
    public PollReport withDelayHint(long millis) {
        this.delayHintMillis = Math.max(0, millis);
        return this;
    }

    public long getDelayHintMillis() {
        return delayHintMillis;
    }

    /**
     * Finished. {@code failureSummary} is the one-line digest (stage and failed item ranges) for FAILED and
     * UNSTABLE; {@code result} what the step returns.
     */
    public static PollReport done(
            Outcome outcome,
            String status,
            List<String> lines,
            String failureSummary,
            Map<String, Object> result,
            GraphRecord record) {
        return new PollReport(true, outcome, status, lines, failureSummary, result, record);
    }

    public boolean isDone() {
        return done;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getStatus() {
        return status;
    }

    public List<String> getLines() {
        return lines;
    }

    public String getFailureSummary() {
        return failureSummary;
    }

    public Map<String, Object> getResult() {
        return result;
    }

    /** The build-page view of the run, or null when unchanged / not applicable. */
    public GraphRecord getRecord() {
        return record;
    }
}
