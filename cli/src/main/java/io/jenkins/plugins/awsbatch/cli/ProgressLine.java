package io.jenkins.plugins.awsbatch.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Formats one stage's progress: a bar that fits a terminal's width exactly (less important fields are left
 * out first, so a line never wraps and can be redrawn in place), or a plain line for logs.
 */
final class ProgressLine {
    static final int MAX_NAME = 16;
    private static final int MIN_BAR = 10;
    private static final int MAX_BAR = 40;
    private static final String GREEN = "\033[32m";
    private static final String RED = "\033[31m";
    private static final String RESET = "\033[0m";

    private ProgressLine() {}

    /** A plain line: {@code score  1200/25001 done, 40 running, 3 failed, 2m10s elapsed, ETA 40m05s}. */
    static String plain(TickerStage stage, long nowMs) {
        StringBuilder line = new StringBuilder(String.format(
                "%-12s %d/%d done, %d running, %d failed, %s elapsed",
                stage.name, stage.done(), stage.total, stage.running, stage.failed, duration(stage.elapsedMs(nowMs))));
        long eta = stage.etaMs(nowMs);
        if (eta >= 0) {
            line.append(", ETA ").append(duration(eta));
        }
        return line.toString();
    }

    /** One bar of at most {@code columns - 1} visible characters; colour escapes add no width. */
    static Rendered bar(TickerStage stage, long nowMs, int nameWidth, int columns, boolean color) {
        int room = columns - 1; // the last column would make some terminals wrap
        String name = fit(stage.name, Math.min(nameWidth, Math.min(MAX_NAME, Math.max(6, room / 4))));
        // Fields by importance; all that fit are shown in this order, with the bar taking what is left.
        String count = stage.done() + "/" + stage.total;
        String failed = stage.failed > 0 ? stage.failed + " failed" : null;
        String elapsed = duration(stage.elapsedMs(nowMs));
        long etaMs = stage.etaMs(nowMs);
        String eta = etaMs >= 0 ? "ETA " + duration(etaMs) : null;
        String running = stage.running > 0 ? stage.running + " running" : null;
        String[] byImportance = {count, failed, elapsed, eta, running};
        boolean[] shown = new boolean[byImportance.length];
        int used = name.length() + 3 + MIN_BAR + 1 + count.length(); // "name [" + bar + "] " + count: always
        shown[0] = true;
        for (int i = 1; i < byImportance.length; i++) {
            if (byImportance[i] != null && used + 1 + byImportance[i].length() <= room) {
                shown[i] = true;
                used += 1 + byImportance[i].length();
            }
        }
        int barWidth = Math.max(1, Math.min(MAX_BAR, MIN_BAR + room - used));
        List<String> fields = new ArrayList<>();
        for (int i : new int[] {0, 4, 1, 2, 3}) { // count, running, failed, elapsed, ETA
            if (shown[i]) {
                fields.add(byImportance[i]);
            }
        }
        int filledOk = filled(stage.succeeded, stage.total, barWidth);
        // Any failure shows, however small its share.
        int filledFailed = Math.min(
                barWidth - filledOk,
                Math.max(stage.failed > 0 ? 1 : 0, filled(stage.done(), stage.total, barWidth) - filledOk));
        String ok = "#".repeat(filledOk);
        String bad = "x".repeat(filledFailed);
        String rest = "-".repeat(barWidth - filledOk - filledFailed);
        String tail = fields.isEmpty() ? "" : " " + String.join(" ", fields);
        String visible = name + " [" + ok + bad + rest + "]" + tail;
        if (visible.length() > room) { // a terminal narrower than any layout: cut, never wrap
            visible = visible.substring(0, Math.max(0, room));
            return new Rendered(visible, visible.length());
        }
        if (!color) {
            return new Rendered(visible, visible.length());
        }
        String coloredTail = failed != null && shown[1] ? tail.replace(failed, RED + failed + RESET) : tail;
        String text = name + " [" + paint(GREEN, ok) + paint(RED, bad) + rest + "]" + coloredTail;
        return new Rendered(text, visible.length());
    }

    private static String paint(String colour, String text) {
        return text.isEmpty() ? "" : colour + text + RESET;
    }

    /** Text to print and how many columns it takes on screen. */
    record Rendered(String text, int columns) {}

    private static int filled(long part, long total, int width) {
        return total <= 0 ? 0 : (int) Math.min(width, width * part / total);
    }

    private static String fit(String name, int width) {
        if (name.length() <= width) {
            return name + " ".repeat(width - name.length());
        }
        return name.substring(0, width - 1) + "~";
    }

    /** {@code 42s}, {@code 3m05s}, {@code 2h07m}. */
    static String duration(long ms) {
        long s = ms / 1000;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
