package io.jenkins.plugins.awsbatch.exec;

import hudson.AbortException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the end of a run, or a failure, means for the step: the value it returns or the failure it ends with,
 * and how the build is marked (UNSTABLE with a warning, ABORTED). Decided here, applied by the execution.
 *
 * @param unstableWarning set when the build is marked UNSTABLE
 * @param aborted         the build is marked ABORTED
 */
record StepOutcome(Map<String, Object> value, Throwable failure, String unstableWarning, boolean aborted) {
    private static final Logger LOGGER = Logger.getLogger(StepOutcome.class.getName());

    /** @param run how the run is named in messages ({@code run <id>}) */
    static StepOutcome of(GraphRequest request, String run, Journal journal, PollReport report) {
        String step = request.getKind().functionName();
        Map<String, Object> result = new LinkedHashMap<>(journal.getResult());
        result.putAll(report.getResult());
        result.put("outcome", report.getOutcome().name());
        String summary = report.getFailureSummary();
        switch (report.getOutcome()) {
            case SUCCEEDED:
                return new StepOutcome(result, null, null, false);
            case UNSTABLE:
                String warning =
                        step + ": " + (summary == null ? "some items failed within the tolerated limit" : summary);
                return new StepOutcome(result, null, warning, false);
            case ABORTED:
                return new StepOutcome(
                        null,
                        new AbortException(step + ": " + run + " was aborted"
                                + (summary == null ? "" : ": " + StepText.oneLine(summary))),
                        null,
                        true);
            case FAILED:
            default:
                return new StepOutcome(
                        null,
                        new AbortException(
                                step + ": " + (summary == null ? run + " failed" : StepText.oneLine(summary))),
                        null,
                        false);
        }
    }

    /** The failure a step ends with for {@code t}: bad input as one line naming the step, others as they are. */
    static Throwable failureOf(GraphRequest request, Throwable t) {
        if (t instanceof AbortException) {
            return t;
        }
        if (t instanceof GraphInputException || t instanceof IllegalArgumentException) {
            return new AbortException(request.getKind().functionName() + ": " + StepText.oneLine(t));
        }
        LOGGER.log(Level.FINE, "step failed", t);
        return t;
    }
}
