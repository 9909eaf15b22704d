package io.jenkins.plugins.awsbatch.offline;

import hudson.model.Job;

/** A job for {@link FakeRun}s; no behaviour needed. */
public final class FakeJob extends Job<FakeJob, FakeRun> {
    public FakeJob() {
        super(null, "fake");
    }
}
