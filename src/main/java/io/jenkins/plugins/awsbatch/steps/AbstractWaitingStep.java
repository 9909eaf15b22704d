package io.jenkins.plugins.awsbatch.steps;

import org.kohsuke.stapler.DataBoundSetter;

/** A step that may return as soon as everything is submitted ({@code wait: false}) instead of tracking to the end. */
public abstract class AbstractWaitingStep extends AbstractAwsBatchStep {
    private boolean wait = true;

    public boolean isWait() {
        return wait;
    }

    /** {@code false}: return once everything is submitted (upfront mode), with the job ids. */
    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    @Override
    protected boolean waitForCompletion() {
        return wait;
    }
}
