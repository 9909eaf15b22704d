package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Human progress on stderr: on a terminal, one live bar per stage redrawn in place; otherwise (CI logs,
 * pipes) a plain line per change.
 */
final class ProgressPrinter implements RunListener {
    private static final int BAR = 30;
    private final PrintStream err;
    private final boolean live;
    private final Map<String, String> bars = new LinkedHashMap<>();
    private int drawnLines;

    ProgressPrinter(PrintStream err, boolean live) {
        this.err = err;
        this.live = live;
    }

    @Override
    public synchronized void message(String line) {
        clearBars();
        err.println(line);
        redraw();
    }

    @Override
    public synchronized void jobSubmitted(String stage, String jobId, String jobName, int size) {
        message("submitted " + jobName + (size >= 2 ? " (array of " + size + ")" : "") + " -> " + jobId);
    }

    @Override
    public synchronized void progress(String stage, Map<JobStatus, Integer> counts, long total) {
        String line = format(stage, counts, total);
        if (live) {
            bars.put(stage, line);
            clearBars();
            redraw();
        } else {
            err.println(line);
        }
    }

    @Override
    public synchronized void stageFinished(String stage, String status, String reason) {
        bars.remove(stage);
        message("stage " + stage + " " + status + (reason == null ? "" : ": " + reason));
    }

    static String format(String stage, Map<JobStatus, Integer> counts, long total) {
        int succeeded = counts.getOrDefault(JobStatus.SUCCEEDED, 0);
        int failed = counts.getOrDefault(JobStatus.FAILED, 0);
        int running = counts.getOrDefault(JobStatus.RUNNING, 0) + counts.getOrDefault(JobStatus.STARTING, 0);
        long done = succeeded + failed;
        int filled = total == 0 ? 0 : (int) (BAR * done / total);
        String bar = "#".repeat(filled) + "-".repeat(BAR - filled);
        return String.format("%-12s [%s] %d/%d done, %d running, %d failed", stage, bar, done, total, running, failed);
    }

    private void clearBars() {
        if (live && drawnLines > 0) {
            err.print("\033[" + drawnLines + "F\033[J");
            drawnLines = 0;
        }
    }

    private void redraw() {
        if (!live) {
            return;
        }
        bars.values().forEach(err::println);
        drawnLines = bars.size();
        err.flush();
    }
}
