package io.jenkins.plugins.awsbatch.cli;

/** What {@code events} and {@code housekeeping} do with what they manage on AWS. */
enum SetupAction {
    setup,
    show,
    remove
}
