package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Human progress on stderr. {@link ProgressMode#BARS}: one bar per running stage, redrawn in place and cut to
 * the terminal's width (so it never wraps). {@link ProgressMode#LINES} (logs, pipes, CI): a stage's line only
 * when its counts changed, and at most once per {@link #LINE_INTERVAL} per stage; a change held back is
 * printed when the interval has passed or when the stage ends. {@link ProgressMode#NONE}: messages only.
 */
final class ProgressPrinter implements RunListener, AutoCloseable {
    static final Duration LINE_INTERVAL = Duration.ofSeconds(10);

    private final PrintStream err;
    private final ProgressMode mode;
    private final Terminal terminal;
    private final LongSupplier clockMs;
    private final Map<String, TickerStage> active = new LinkedHashMap<>();
    private final Map<String, String> printedKey = new HashMap<>();
    private final Map<String, Long> printedAt = new HashMap<>();
    private final List<Integer> drawn = new ArrayList<>();

    /** {@code mode} already resolved against {@code terminal} (no {@link ProgressMode#AUTO}). */
    ProgressPrinter(PrintStream err, ProgressMode mode, Terminal terminal, LongSupplier clockMs) {
        this.err = err;
        this.mode = mode.resolve(terminal);
        this.terminal = terminal;
        this.clockMs = clockMs;
    }

    /**
     * One daemon thread ticks every printer of the process ({@code watch} runs one run after another); a closed
     * printer's ticks leave its queue at once.
     */
    private static final ScheduledThreadPoolExecutor TICKER = ticker();

    private static ScheduledThreadPoolExecutor ticker() {
        ScheduledThreadPoolExecutor ticker = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "batchgraph-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.setRemoveOnCancelPolicy(true);
        return ticker;
    }

    /** How many printers of this process are ticking (not closed yet). */
    static int ticking() {
        return TICKER.getQueue().size();
    }

    private ScheduledFuture<?> ticking;

    /** On stderr as detected now; ticked once a second until {@link #close()} (elapsed times, held-back lines). */
    static ProgressPrinter forStderr(ProgressMode requested) {
        Terminal terminal = Terminal.stderr();
        ProgressPrinter printer = new ProgressPrinter(System.err, requested, terminal, System::currentTimeMillis);
        if (printer.mode != ProgressMode.NONE) {
            printer.ticking = TICKER.scheduleAtFixedRate(printer::tick, 1, 1, TimeUnit.SECONDS);
        }
        return printer;
    }

    /** The run ended: no more ticks. */
    @Override
    public void close() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    ProgressMode mode() {
        return mode;
    }

    @Override
    public synchronized void message(String line) {
        clearBars();
        err.println(line);
        redraw();
    }

    @Override
    public synchronized void jobSubmitted(String stage, String jobId, String jobName, int size) {
        stage(stage);
        message("submitted " + jobName + (size >= 2 ? " (array of " + size + ")" : "") + " -> " + jobId);
    }

    @Override
    public synchronized void progress(String stage, Map<JobStatus, Integer> counts, long total) {
        TickerStage progress = stage(stage);
        progress.update(counts, total);
        if (mode == ProgressMode.BARS) {
            clearBars();
            redraw();
        } else if (mode == ProgressMode.LINES) {
            printLineIfDue(progress, false);
        }
    }

    @Override
    public synchronized void stageFinished(String stage, String status, String reason) {
        TickerStage progress = active.remove(stage);
        if (progress != null && mode == ProgressMode.LINES) {
            printLineIfDue(progress, true); // the final counts, if a change was held back
        }
        message("stage " + stage + " " + status + (reason == null ? "" : ": " + reason)
                + (progress == null ? "" : " after " + ProgressLine.duration(progress.elapsedMs(clockMs.getAsLong()))));
    }

    /** Once a second: bars show the time going by; held-back lines whose interval passed are printed. */
    synchronized void tick() {
        if (mode == ProgressMode.BARS && !active.isEmpty()) {
            clearBars();
            redraw();
        } else if (mode == ProgressMode.LINES) {
            active.values().forEach(p -> printLineIfDue(p, false));
        }
    }

    private TickerStage stage(String name) {
        return active.computeIfAbsent(name, n -> new TickerStage(n, clockMs.getAsLong()));
    }

    private void printLineIfDue(TickerStage progress, boolean stageEnded) {
        String key = progress.countsKey();
        if (progress.total == 0 || key.equals(printedKey.get(progress.name))) {
            return;
        }
        long now = clockMs.getAsLong();
        Long last = printedAt.get(progress.name);
        if (!stageEnded && last != null && now - last < LINE_INTERVAL.toMillis()) {
            return; // held back: tick() or the stage's end prints it
        }
        printedKey.put(progress.name, key);
        printedAt.put(progress.name, now);
        err.println(ProgressLine.plain(progress, now));
        err.flush();
    }

    private void clearBars() {
        if (drawn.isEmpty()) {
            return;
        }
        int columns = Math.max(1, terminal.width());
        int rows = 0;
        for (int width : drawn) { // a window narrowed since the draw shows a line on more rows
            rows += Math.max(1, (width + columns - 1) / columns);
        }
        err.print("\033[" + rows + "F\033[J");
        drawn.clear();
    }

    private void redraw() {
        if (mode != ProgressMode.BARS || active.isEmpty()) {
            err.flush();
            return;
        }
        long now = clockMs.getAsLong();
        int columns = terminal.width();
        int nameWidth = active.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (TickerStage progress : active.values()) {
            if (progress.total == 0) {
                continue; // submitted, no counts yet
            }
            ProgressLine.Rendered bar = ProgressLine.bar(progress, now, nameWidth, columns, terminal.color());
            err.println(bar.text());
            drawn.add(bar.columns());
        }
        err.flush();
    }
}
