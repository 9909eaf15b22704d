package io.jenkins.plugins.awsbatch.cli;

/** Whether stderr is a terminal that can redraw progress bars in place. */
final class Terminal {
    private Terminal() {
    }

    static boolean isInteractive() {
        return System.console() != null && System.getenv("CI") == null && !"dumb".equals(System.getenv("TERM"));
    }
}
