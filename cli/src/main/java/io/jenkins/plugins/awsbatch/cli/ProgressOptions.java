package io.jenkins.plugins.awsbatch.cli;

import picocli.CommandLine.Option;

/** {@code --progress auto|bars|lines|none} of the commands that track a run. */
final class ProgressOptions {
    @Option(
            names = "--progress",
            paramLabel = "auto|bars|lines|none",
            defaultValue = "auto",
            description = "progress on stderr: bars redrawn in place on a terminal, a line per stage change"
                    + " (at most every 10 s) in logs, or none; auto picks bars when stderr is a terminal"
                    + " (NO_COLOR turns colours off)")
    ProgressMode progress = ProgressMode.AUTO;

    ProgressPrinter printer() {
        return ProgressPrinter.forStderr(progress);
    }
}
