package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What was recorded of each attempt's start and end, outside the engine, so a restarted engine knows which
 * attempts began, which still run and how those that ended while nobody watched ended. Two writers:
 * <ul>
 * <li>the {@link LauncherProcess launcher} appends to its records file ({@code <logDirectory>/*.records}) one
 * line per start ({@code S <millis> <pid> <base>}, written by the child before its exec) and per end
 * ({@code E <millis> <status> <base>}): two lines per attempt, no file;</li>
 * <li>without a launcher, each attempt's shell wrapper writes {@code <base>.started} (its pid, before the command
 * runs) and {@code <base>.exitcode} (the command's exit status, when it ends) next to the log.</li>
 * </ul>
 * Every record is one line written at once and read only when whole (newline-terminated): a record caught
 * being written reads as not there yet. {@code <base>} is the log stream name without {@code .log}.
 */
final class AttemptRecords {
    static final String STARTED = ".started";
    static final String EXIT_CODE = ".exitcode";
    private static final long DRAIN_WAIT_MS = 5_000;
    /** A launcher's child starts before its start record is written; the OS's start time is coarse. */
    private static final long START_TIME_SLACK_MS = 2_000;

    private static final int READ_CHUNK = 1 << 20;

    private final Path logDirectory;
    /** What the launchers' records files said so far, by base. */
    private final Map<String, Attempt> launched = new HashMap<>();
    /** How far each records file was read: its whole lines up to there. */
    private final Map<Path, Long> readUpTo = new HashMap<>();

    AttemptRecords(Path logDirectory) {
        this.logDirectory = logDirectory;
    }

    /** What the records of one attempt say. {@code startedAt}/{@code stoppedAt} are the files' times. */
    record Attempt(long pid, long startedAt, Integer exitCode, Long stoppedAt) {
        boolean ended() {
            return exitCode != null;
        }
    }

    /** The path prefix the wrapper writes to: the log file's name without {@code .log}. */
    Path base(String logStreamName) {
        return logDirectory.resolve(relativeBase(logStreamName));
    }

    /** The log stream name without {@code .log}: how the launcher's records name an attempt. */
    static String relativeBase(String logStreamName) {
        return logStreamName.endsWith(".log") ? logStreamName.substring(0, logStreamName.length() - 4) : logStreamName;
    }

    /**
     * Empty when the attempt never started (no start record). The launchers' records are as of the last
     * {@link #refresh()}, except that an attempt they show running is looked up afresh.
     */
    synchronized Optional<Attempt> read(String logStreamName) {
        Optional<Attempt> wrapped = readWrapperRecords(logStreamName);
        if (wrapped.isPresent()) {
            return wrapped;
        }
        String key = relativeBase(logStreamName);
        Attempt attempt = launched.get(key);
        if (attempt != null && !attempt.ended()) {
            refresh();
            attempt = launched.get(key);
        }
        return Optional.ofNullable(attempt);
    }

    /** Reads what the launchers appended to their records files since the last call. */
    synchronized void refresh() {
        if (!Files.isDirectory(logDirectory)) {
            return;
        }
        try (DirectoryStream<Path> files =
                Files.newDirectoryStream(logDirectory, "*" + LauncherProcess.RECORDS_SUFFIX)) {
            for (Path file : files) {
                readNewLines(file);
            }
        } catch (IOException e) {
            // unreadable now: what was read stays, the next refresh tries again
        }
    }

    /** Applies the whole lines past where this file was read, in chunks: the file may hold a line per start. */
    private void readNewLines(Path file) throws IOException {
        long from = readUpTo.getOrDefault(file, 0L);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(from);
            ByteBuffer chunk = ByteBuffer.allocate(READ_CHUNK);
            while (channel.read(chunk) > 0) {
                byte[] bytes = chunk.array();
                int lineStart = 0;
                for (int i = 0; i < chunk.position(); i++) {
                    if (bytes[i] == '\n') {
                        apply(new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8));
                        lineStart = i + 1;
                    }
                }
                from += lineStart;
                if (lineStart == 0 && !chunk.hasRemaining()) {
                    break; // a line longer than a chunk is no line the launcher wrote
                }
                int rest = chunk.position() - lineStart; // a line still being written, kept for the next read
                System.arraycopy(bytes, lineStart, bytes, 0, rest);
                chunk.position(rest);
            }
        }
        readUpTo.put(file, from);
    }

    /** {@code S <millis> <pid> <base>} or {@code E <millis> <status> <base>}. */
    private void apply(String line) {
        String[] parts = line.split(" ", 4);
        if (parts.length < 4) {
            return;
        }
        try {
            long millis = Long.parseLong(parts[1]);
            long number = Long.parseLong(parts[2]);
            if (parts[0].equals("S")) {
                launched.put(parts[3], new Attempt(number, millis, null, null));
            } else if (parts[0].equals("E")) {
                Attempt started = launched.get(parts[3]);
                // ended before its start record (its folder could not be entered): started and stopped at once
                long startedAt = started == null ? millis : started.startedAt();
                launched.put(
                        parts[3],
                        new Attempt(
                                started == null ? 0 : started.pid(),
                                startedAt,
                                (int) number,
                                Math.max(startedAt, millis)));
            }
        } catch (NumberFormatException e) {
            // not a line the launcher wrote
        }
    }

    private Optional<Attempt> readWrapperRecords(String logStreamName) {
        Path base = base(logStreamName);
        Path started = base.resolveSibling(base.getFileName() + STARTED);
        Path exit = base.resolveSibling(base.getFileName() + EXIT_CODE);
        try {
            String pid = wholeLine(started);
            if (pid == null) {
                return Optional.empty();
            }
            long startedAt = Files.getLastModifiedTime(started).toMillis();
            String code = Files.exists(exit) ? wholeLine(exit) : null;
            Long stoppedAt = code == null
                    ? null
                    : Math.max(startedAt, Files.getLastModifiedTime(exit).toMillis());
            return Optional.of(new Attempt(
                    Long.parseLong(pid), startedAt, code == null ? null : Integer.valueOf(code), stoppedAt));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // not a record the wrapper wrote
        }
    }

    /** The record's line without its newline; null while it is being written. */
    private static String wholeLine(Path record) throws IOException {
        String text = Files.readString(record, StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text.trim() : null;
    }

    /**
     * The wrappers of this log directory's attempts that run now, by {@link #base} path: a wrapper spawned just
     * before its engine died may not have written its start record yet, and must be adopted, not started again.
     * Likewise a launcher of an earlier engine may still hold requests it read before its engine died: this
     * waits (bounded) until every such launcher but {@code ownLauncherPid} has read to the end of its input,
     * then reads the records.
     */
    Map<String, ProcessHandle> liveWrappers(long ownLauncherPid) {
        awaitLaunchersDrained(ownLauncherPid);
        refresh();
        String prefix = logDirectory.toString();
        Map<String, ProcessHandle> found = new HashMap<>();
        ProcessHandle.allProcesses().forEach(handle -> {
            String[] arguments = handle.info().arguments().orElse(null);
            if (arguments == null) {
                return;
            }
            for (int i = 0; i + 1 < arguments.length; i++) {
                if (ProcessLauncher.WRAPPER_NAME.equals(arguments[i]) && arguments[i + 1].startsWith(prefix)) {
                    found.put(arguments[i + 1], handle);
                    return;
                }
            }
        });
        return found;
    }

    private void awaitLaunchersDrained(long ownLauncherPid) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_WAIT_MS);
        while (System.nanoTime() < deadline) {
            if (launchersStillReading(ownLauncherPid).isEmpty()) {
                return;
            }
            try {
                Thread.sleep(20); // polling another process's title: there is nothing to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The pids of this log directory's launchers, but {@code ownLauncherPid}, whose stdin is still open. */
    List<Long> launchersStillReading(long ownLauncherPid) {
        return ProcessHandle.allProcesses()
                .filter(handle -> handle.pid() != ownLauncherPid)
                .filter(handle -> stillReading(commandLine(handle.pid())))
                .map(ProcessHandle::pid)
                .toList();
    }

    /**
     * Whether a command line is an undrained launcher of this log directory: perl's title
     * ({@code batchgraph-launcher <records>}, retitled {@code batchgraph-launcher-drained} once its stdin closed),
     * or python's arguments ({@code ... batchgraph-launcher <records>}) while no drained marker stands beside its
     * records file.
     */
    private boolean stillReading(String commandLine) {
        String name = " " + LauncherProcess.NAME + " ";
        int at = (" " + commandLine).indexOf(name + logDirectory + "/");
        if (at < 0) {
            return false;
        }
        // its records file is its last argument (the title's last word)
        String records = commandLine.substring(at + name.length() - 1).trim();
        return !Files.exists(logDirectory.resolve(Path.of(records).getFileName() + LauncherProcess.DRAINED_SUFFIX));
    }

    /** The process's command line as the OS shows it (a title it set itself included); empty where unknown. */
    private static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * The attempt's process while it still runs: the recorded pid, alive, and this very attempt's (running its
     * wrapper, where the OS says; for a launcher's child, started no later than its start record), so a reused
     * pid is never taken for it.
     */
    Optional<ProcessHandle> liveProcess(String logStreamName, Attempt attempt) {
        String marker = base(logStreamName).toString();
        return ProcessHandle.of(attempt.pid())
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                                .commandLine()
                                .map(line -> line.contains(marker))
                                .orElse(true)
                        || handle.info()
                                .startInstant()
                                .map(start -> start.toEpochMilli() <= attempt.startedAt() + START_TIME_SLACK_MS)
                                .orElse(false));
    }
}
