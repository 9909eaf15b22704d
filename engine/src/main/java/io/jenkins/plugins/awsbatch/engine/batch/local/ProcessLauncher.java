package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts one attempt as a local process with stdout and stderr going to its log file, and stops process trees
 * (SIGTERM, then SIGKILL after the grace period). The output is redirected by the OS, so no thread copies it.
 * The command runs under a small {@code sh} wrapper that records its start and the command's exit status
 * ({@link AttemptRecords}): those records outlive the engine, so a restarted engine adopts or accounts for it.
 */
final class ProcessLauncher {
    private static final File DEV_NULL = new File("/dev/null");
    /** The wrapper's {@code $0}, followed by its records' path prefix: how its process is recognised. */
    static final String WRAPPER_NAME = "batchgraph-attempt";
    /**
     * {@code $1}: the records' path prefix; the rest: the command, run in the foreground (it gets signals as if
     * run directly). Records its pid before the command starts and the command's exit status once it ended,
     * each as one short line written by one {@code echo} (no temporary file and rename: an {@code mv} per
     * record tripled the cost of a short job; {@link AttemptRecords} takes only a whole line). A TERM (or INT)
     * for the wrapper alone is noted, never fatal, so the exit status is still recorded; the engine stops the
     * whole tree.
     */
    static final String WRAPPER = "r=$1; shift; k=\n"
            + "trap 'k=143' TERM INT\n"
            + "echo $$ > \"$r.started\" || exit 125\n"
            + "[ -z \"$k\" ] || exit $k\n"
            + "\"$@\"; s=$?\n"
            + "echo $s > \"$r.exitcode\"\n"
            + "exit $s\n";

    /** What to run for one attempt. {@code logStreamName} is the log file relative to the log directory. */
    record LaunchPlan(List<String> command, Map<String, String> environment, String logStreamName) {
    }

    private final Path logDirectory;
    private final AttemptRecords records;
    private final Path workingDirectory;
    private final Duration grace;
    private final ScheduledExecutorService timers;

    ProcessLauncher(Path logDirectory, Path workingDirectory, Duration grace, ScheduledExecutorService timers) {
        this.logDirectory = logDirectory;
        this.records = new AttemptRecords(logDirectory);
        this.workingDirectory = workingDirectory;
        this.grace = grace;
        this.timers = timers;
    }

    /** {@code <jobId with ':' as '-'>/attempt-<n>.log}: one folder per job, one file per attempt. */
    static String logStreamName(String jobId, int attempt) {
        return jobId.replace(':', '-') + "/attempt-" + attempt + ".log";
    }

    Path logFile(String logStreamName) {
        return logDirectory.resolve(logStreamName);
    }

    AttemptRecords records() {
        return records;
    }

    Process start(LaunchPlan plan) throws IOException {
        Path log = logFile(plan.logStreamName());
        Files.createDirectories(log.getParent());
        if (plan.command().isEmpty()) {
            throw new IOException("the job has no command");
        }
        requireRunnable(plan.command().get(0), plan.environment().get("PATH"));
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, WRAPPER_NAME,
                records.base(plan.logStreamName()).toString()));
        wrapped.addAll(plan.command());
        ProcessBuilder builder = new ProcessBuilder(wrapped)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (DEV_NULL.exists()) {
            builder.redirectInput(DEV_NULL);
        }
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(plan.environment());
        Process process = builder.start();
        if (!DEV_NULL.exists()) {
            process.getOutputStream().close();
        }
        return process;
    }

    /**
     * The wrapper would start anything and report 127; a program that cannot run is refused here instead, so it
     * ends as AWS's CannotStartContainerError (never started), not as a command that failed.
     */
    private void requireRunnable(String program, String path) throws IOException {
        if (program.contains("/")) {
            Path file = workingDirectory.resolve(program);
            if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
                throw new IOException("Cannot run program \"" + program + "\": no such executable file");
            }
            return;
        }
        if (path != null) {
            for (String folder : path.split(File.pathSeparator)) {
                Path candidate = Path.of(folder.isEmpty() ? "." : folder).resolve(program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return;
                }
            }
        }
        throw new IOException("Cannot run program \"" + program + "\": not found on the job's PATH");
    }

    /** Records why an attempt never started, in the log a user will look at. */
    void logStartFailure(String logStreamName, String message) {
        try {
            Path log = logFile(logStreamName);
            Files.createDirectories(log.getParent());
            Files.writeString(log, message + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // the failure itself is reported in the job's status; the log is a courtesy
        }
    }

    /** SIGTERM to the process and its descendants now; SIGKILL to whatever is left after the grace period. */
    void stopTree(ProcessHandle process) {
        List<ProcessHandle> tree = treeOf(process);
        tree.forEach(ProcessHandle::destroy);
        timers.schedule(() -> {
            List<ProcessHandle> left = treeOf(process);
            left.addAll(tree);
            left.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }, grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * SIGKILL to the whole tree at once (engine shutdown), the wrapper first: the attempt then has no exit status
     * on record, and a later engine reports it as ended by the shutdown, not as the command's own failure.
     */
    void killTree(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static List<ProcessHandle> treeOf(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        root.descendants().forEach(tree::add);
        tree.add(root);
        return tree;
    }
}
