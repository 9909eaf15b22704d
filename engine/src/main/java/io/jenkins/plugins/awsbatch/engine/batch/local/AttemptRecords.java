package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an attempt's own wrapper wrote next to its log: {@code attempt-<n>.started} (the wrapper's pid, written
 * before the command runs) and {@code attempt-<n>.exitcode} (the command's exit status, written when it ends),
 * each one line written at once by the wrapper, read only when whole (newline-terminated): a record caught
 * being written reads as not there yet. They outlive the engine, so a restarted engine knows which
 * attempts began, which still run and how those that ended while nobody watched ended.
 */
final class AttemptRecords {
    static final String STARTED = ".started";
    static final String EXIT_CODE = ".exitcode";

    private final Path logDirectory;

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
        String name = logStreamName.endsWith(".log")
                ? logStreamName.substring(0, logStreamName.length() - 4) : logStreamName;
        return logDirectory.resolve(name);
    }

    /** Empty when the attempt never started (no {@code .started} record). */
    Optional<Attempt> read(String logStreamName) {
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
            Long stoppedAt = code == null ? null : Math.max(startedAt, Files.getLastModifiedTime(exit).toMillis());
            return Optional.of(new Attempt(Long.parseLong(pid), startedAt, code == null ? null : Integer.valueOf(code),
                    stoppedAt));
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
     */
    Map<String, ProcessHandle> liveWrappers() {
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

    /**
     * The attempt's process while it still runs: the recorded pid, alive, and (where the OS says) running the
     * wrapper of this very attempt, so a reused pid is never taken for it.
     */
    Optional<ProcessHandle> liveProcess(String logStreamName, long pid) {
        String marker = base(logStreamName).toString();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(marker)).orElse(true));
    }
}
