package io.jenkins.plugins.awsbatch.bridge;

/**
 * Carries a checked exception of the step (saving the execution, a refused engine or store) out through the
 * engine's callbacks, which cannot throw one; the driver rethrows {@link #cause}.
 */
final class CheckedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Exception cause;

    CheckedFailure(Exception cause) {
        super(cause);
        this.cause = cause;
    }
}
