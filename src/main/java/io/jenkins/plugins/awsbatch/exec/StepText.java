package io.jenkins.plugins.awsbatch.exec;

import java.util.concurrent.TimeUnit;

/** The step's texts: what it waits for (its status in Jenkins) and messages kept to one line. */
final class StepText {
    private StepText() {}

    /**
     * @param run       how the run is named ({@code run <id>})
     * @param journaled jobs submitted so far
     */
    static String status(
            GraphStepExecution.Phase phase, String run, int journaled, long nextPollAtMillis, String lastStatus) {
        switch (phase) {
            case NEW:
                return "about to submit " + run;
            case SUBMITTING:
                return "submitting " + run + ": " + journaled + " job(s) submitted so far";
            case TRACKING:
                long wait = Math.max(0, nextPollAtMillis - System.currentTimeMillis());
                return (lastStatus == null ? "waiting for " + run : lastStatus) + "; next poll in "
                        + TimeUnit.MILLISECONDS.toSeconds(wait + 999) + "s";
            case STOPPING:
                return "terminating the jobs of " + run + " (" + journaled + " job(s))";
            case DONE:
            default:
                return "finished " + run;
        }
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        }
        return oneLine(m);
    }

    static String oneLine(String s) {
        String flat = s.replaceAll("\\s*[\\r\\n]+\\s*", "; ").trim();
        return flat.length() > 500 ? flat.substring(0, 497) + "..." : flat;
    }
}
