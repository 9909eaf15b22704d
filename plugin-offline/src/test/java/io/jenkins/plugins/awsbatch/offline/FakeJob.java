package io.jenkins.plugins.awsbatch.offline;

import hudson.model.Job;

/** A job for {@link FakeRun}s; no behaviour needed. */
final class FakeJob extends Job<FakeJob, FakeRun> {
    FakeJob() {
        super(null, "fake");
    }
}
