package io.jenkins.plugins.awsbatch.steps;

import org.kohsuke.stapler.DataBoundSetter;

/** A step that may return as soon as everything is submitted ({@code wait: false}) instead of tracking to the end. */
public abstract class AbstractWaitingStep extends AbstractAwsBatchStep {
    private boolean wait = true;
    private String junitXml;

    public boolean isWait() {
        return wait;
    }

    /** {@code false}: return once everything is submitted (upfront mode), with the job ids. */
    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    public String getJunitXml() {
        return junitXml;
    }

    /**
     * A workspace path: when the run ends, each stage's items are written there as JUnit XML (failed items with
     * exit code, reason and log tail), for the {@code junit} step and Jenkins' test-result trend.
     */
    @DataBoundSetter
    public void setJunitXml(String junitXml) {
        this.junitXml = junitXml == null || junitXml.isBlank() ? null : junitXml.trim();
    }

    @Override
    protected boolean waitForCompletion() {
        return wait;
    }
}
