package io.jenkins.plugins.awsbatch.cli;

/** How a run shows its progress on stderr. */
enum ProgressMode {
    /** Bars when stderr is a terminal, else lines. */
    AUTO,
    /** One bar per stage, redrawn in place. */
    BARS,
    /** A stage's line when its counts changed, at most every {@link ProgressPrinter#LINE_INTERVAL}. */
    LINES,
    /** Only the submissions, stage ends and the summary. */
    NONE;

    ProgressMode resolve(Terminal terminal) {
        return this == AUTO ? (terminal.isInteractive() ? BARS : LINES) : this;
    }
}
