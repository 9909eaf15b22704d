package io.jenkins.plugins.awsbatch.cli;

/** A user-facing error with the exit code to end with. */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
