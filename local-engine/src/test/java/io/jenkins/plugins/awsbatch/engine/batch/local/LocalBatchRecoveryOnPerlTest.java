package io.jenkins.plugins.awsbatch.engine.batch.local;

/** Every recovery case on perl's launcher, the one the engine uses where python3 is missing. */
class LocalBatchRecoveryOnPerlTest extends LocalBatchRecoveryTest {
    @Override
    String launcherMode() {
        return "perl";
    }
}
