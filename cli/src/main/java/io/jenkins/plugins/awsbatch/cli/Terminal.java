package io.jenkins.plugins.awsbatch.cli;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * What stderr is, where progress goes: a terminal or not (a log file, a pipe, CI), how many columns it has
 * now, and whether colours are welcome ({@code NO_COLOR} set to anything non-empty says no). Detected on
 * stderr itself, so {@code run --json >x} still shows bars and {@code run 2>log} writes no cursor escapes.
 */
final class Terminal {
    static final int DEFAULT_WIDTH = 80;

    private final boolean interactive;
    private final boolean color;
    private final IntSupplier width;

    Terminal(boolean interactive, boolean color, IntSupplier width) {
        this.interactive = interactive;
        this.color = interactive && color;
        this.width = width;
    }

    /** A terminal of a fixed size (tests), or a non-terminal when {@code interactive} is false. */
    static Terminal fixed(boolean interactive, boolean color, int columns) {
        return new Terminal(interactive, color, () -> columns);
    }

    static Terminal stderr() {
        return detect(System.getenv());
    }

    static Terminal detect(Map<String, String> env) {
        boolean color = colorWanted(env);
        if (env.get("CI") != null || "dumb".equals(env.get("TERM"))) {
            return new Terminal(false, false, () -> DEFAULT_WIDTH);
        }
        try {
            TerminalProvider provider = TerminalProvider.load("exec");
            if (!provider.isSystemStream(SystemStream.Error)) {
                return new Terminal(false, false, () -> DEFAULT_WIDTH);
            }
            AtomicInteger columns = new AtomicInteger(columnsOf(provider));
            // A resized window sends SIGWINCH: read the width again then, not on every redraw.
            provider.registerSignal("WINCH", () -> columns.set(columnsOf(provider)));
            return new Terminal(true, color, columns::get);
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            return new Terminal(false, false, () -> DEFAULT_WIDTH); // no stty, no /dev/tty: plain lines
        }
    }

    /** https://no-color.org: {@code NO_COLOR} set to a non-empty value turns colours off. */
    static boolean colorWanted(Map<String, String> env) {
        return env.getOrDefault("NO_COLOR", "").isEmpty();
    }

    private static int columnsOf(TerminalProvider provider) {
        try {
            int columns = provider.systemStreamWidth(SystemStream.Error);
            return columns > 0 ? columns : DEFAULT_WIDTH;
        } catch (RuntimeException e) {
            return DEFAULT_WIDTH;
        }
    }

    boolean isInteractive() {
        return interactive;
    }

    boolean color() {
        return color;
    }

    int width() {
        return width.getAsInt();
    }
}
