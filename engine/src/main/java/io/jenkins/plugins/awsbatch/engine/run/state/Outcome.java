package io.jenkins.plugins.awsbatch.engine.run.state;

import java.util.Collection;

/** How a run ended; the CLI's exit code and the Jenkins build result follow from it. */
public enum Outcome {
    SUCCEEDED(0),
    FAILED(1),
    UNSTABLE(3),
    ABORTED(130);

    private final int exitCode;

    Outcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /**
     * A run whose stages all ended: FAILED when one failed or was skipped after an upstream one did not succeed,
     * else UNSTABLE when one passed within its tolerance, else SUCCEEDED.
     */
    public static Outcome of(Collection<StageState> stages) {
        Outcome outcome = SUCCEEDED;
        for (StageState stage : stages) {
            if (stage.status == StageStatus.FAILED
                    || stage.status == StageStatus.SKIPPED
                            && stage.reason != null
                            && stage.reason.startsWith("an upstream")) {
                return FAILED;
            }
            if (stage.status == StageStatus.UNSTABLE) {
                outcome = UNSTABLE;
            }
        }
        return outcome;
    }
}
