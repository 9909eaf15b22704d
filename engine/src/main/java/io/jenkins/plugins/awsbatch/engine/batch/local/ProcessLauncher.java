package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts one attempt as a local process with stdout and stderr going to its log file, and stops process trees
 * (SIGTERM, then SIGKILL after the grace period). The output is redirected by the OS, so no thread copies it.
 */
final class ProcessLauncher {
    private static final File DEV_NULL = new File("/dev/null");

    /** What to run for one attempt. {@code logStreamName} is the log file relative to the log directory. */
    record LaunchPlan(List<String> command, Map<String, String> environment, String logStreamName) {
    }

    private final Path logDirectory;
    private final Path workingDirectory;
    private final Duration grace;
    private final ScheduledExecutorService timers;

    ProcessLauncher(Path logDirectory, Path workingDirectory, Duration grace, ScheduledExecutorService timers) {
        this.logDirectory = logDirectory;
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

    Process start(LaunchPlan plan) throws IOException {
        Path log = logFile(plan.logStreamName());
        Files.createDirectories(log.getParent());
        if (plan.command().isEmpty()) {
            throw new IOException("the job has no command");
        }
        ProcessBuilder builder = new ProcessBuilder(plan.command())
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
    void stopTree(Process process) {
        List<ProcessHandle> tree = treeOf(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        timers.schedule(() -> {
            List<ProcessHandle> left = treeOf(process.toHandle());
            left.addAll(tree);
            left.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }, grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGKILL to the whole tree at once (engine shutdown). */
    void killTree(Process process) {
        treeOf(process.toHandle()).forEach(ProcessHandle::destroyForcibly);
    }

    private static List<ProcessHandle> treeOf(ProcessHandle root) {
        List<ProcessHandle> tree = new java.util.ArrayList<>();
        root.descendants().forEach(tree::add);
        tree.add(root);
        return tree;
    }
}
