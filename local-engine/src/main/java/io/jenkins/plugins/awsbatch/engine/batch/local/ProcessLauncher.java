package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts one attempt as a local process with stdout and stderr going to its log file, and stops process trees
 * (SIGTERM, then SIGKILL after the grace period). The output is redirected by the OS, so no thread copies it.
 * Attempts are started by the engine's {@link LauncherProcess launcher} (one exec per attempt; it records each start
 * and exit status itself): python's where {@code python3} runs, else perl's. Where neither runs, or when the system
 * property {@value #MODE_PROPERTY} is {@code direct}, each command is spawned by the JVM under a small {@code sh} wrapper
 * that writes those records. Either way the records ({@link AttemptRecords}) outlive the engine, so a restarted
 * engine adopts or accounts for every attempt.
 */
final class ProcessLauncher {
    /**
     * {@code auto} (default): python's launcher where it runs, else perl's, else direct spawning; {@code python} or
     * {@code perl}: only that launcher, else direct spawning; {@code direct}: never a launcher.
     */
    static final String MODE_PROPERTY = "batchgraph.local.launcher";
    /** The {@code python3} that runs the python launcher (default: {@code python3} on the engine's PATH). */
    static final String PYTHON_PROPERTY = "batchgraph.local.python";
    /** The {@code perl} that runs the perl launcher (default: {@code perl} on the engine's PATH). */
    static final String PERL_PROPERTY = "batchgraph.local.perl";
    /** How long {@link #shutdown} waits for what it killed to be gone. */
    private static final long SHUTDOWN_WAIT_MS = 5_000;

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
    record LaunchPlan(List<String> command, Map<String, String> environment, String logStreamName) {}

    /** What becomes of one attempt's process; called in this order, once each (ended only after started). */
    interface AttemptEvents {
        void started(ProcessHandle process);

        /** It could not be started: nothing ran. */
        void notStarted(IOException reason);

        /** Withdrawn while it waited in the launcher's queue ({@link #withdraw}): nothing ran. */
        void withdrawn();

        /** Its exit status, as a shell reports it; null when it ended unrecorded (its launcher was lost). */
        void ended(Integer exitCode);
    }

    private final Path logDirectory;
    private final AttemptRecords records;
    private final Path workingDirectory;
    private final Duration grace;
    private final ScheduledExecutorService timers;
    /** The launchers to try, in order, each with the interpreter that runs it; none: never a launcher. */
    private final Map<LauncherProcess.Kind, String> launchers = new EnumMap<>(LauncherProcess.Kind.class);

    private LauncherProcess launcher;
    private boolean launcherTried;
    /** The launcher's gate ({@link LauncherProcess#gate}); negative until the engine sets one. */
    private int gate = -1;

    ProcessLauncher(Path logDirectory, Path workingDirectory, Duration grace, ScheduledExecutorService timers) {
        this.logDirectory = logDirectory;
        this.records = new AttemptRecords(logDirectory);
        this.workingDirectory = workingDirectory;
        this.grace = grace;
        this.timers = timers;
        String mode = System.getProperty(MODE_PROPERTY, "auto");
        if (mode.equals("auto") || mode.equals("python")) {
            launchers.put(
                    LauncherProcess.Kind.PYTHON,
                    System.getProperty(PYTHON_PROPERTY, LauncherProcess.Kind.PYTHON.defaultInterpreter));
        }
        if (mode.equals("auto") || mode.equals("perl")) {
            launchers.put(
                    LauncherProcess.Kind.PERL,
                    System.getProperty(PERL_PROPERTY, LauncherProcess.Kind.PERL.defaultInterpreter));
        }
    }

    /**
     * {@code <jobId>/attempt-<n>.log}, and {@code <parentId>/<index>-attempt-<n>.log} for an array child: one
     * folder per top-level job, one file per attempt (only when it printed something), no folder per child.
     */
    static String logStreamName(String jobId, int attempt) {
        int colon = jobId.indexOf(':');
        return colon < 0
                ? jobId + "/attempt-" + attempt + ".log"
                : jobId.substring(0, colon) + "/" + jobId.substring(colon + 1) + "-attempt-" + attempt + ".log";
    }

    Path logFile(String logStreamName) {
        return logDirectory.resolve(logStreamName);
    }

    AttemptRecords records() {
        return records;
    }

    /** The engine's launcher, started on first use; null where it cannot run (or is not to be used). */
    synchronized LauncherProcess launcher() {
        if (!launcherTried && !launchers.isEmpty()) {
            launcherTried = true;
            for (Map.Entry<LauncherProcess.Kind, String> kind : launchers.entrySet()) {
                try {
                    Files.createDirectories(logDirectory);
                    LauncherProcess started = LauncherProcess.start(
                            kind.getKey(),
                            kind.getValue(),
                            logDirectory.resolve("launcher-" + System.currentTimeMillis() + "-"
                                    + UUID.randomUUID().toString().substring(0, 8)
                                    + LauncherProcess.RECORDS_SUFFIX));
                    if (gate >= 0) {
                        started.gate(gate); // before its first request
                    }
                    launcher = started;
                    break;
                } catch (IOException e) {
                    launcher = null; // the next kind, else each attempt is spawned directly
                }
            }
        }
        return launcher;
    }

    /** True once attempts are spawned here, one JVM spawn each: no launcher may be used, it could not start, or it was lost. */
    synchronized boolean spawnsDirectly() {
        return launchers.isEmpty() || launcherTried && (launcher == null || launcher.isLost());
    }

    /**
     * True while attempts go to a running launcher, which queues what its gate does not let run yet: the engine
     * may then send more attempts than it has slots. False before it started, where it cannot run, once lost.
     */
    synchronized boolean queues() {
        return launcher != null && !launcher.isLost();
    }

    /**
     * How many of the launcher's children may run at once: the engine's slots less the attempts it runs outside
     * the launcher (those an earlier engine started). Kept for a launcher started later.
     */
    synchronized void gate(int places) {
        gate = Math.max(0, places);
        if (launcher != null && !launcher.isLost()) {
            try {
                launcher.gate(gate);
            } catch (IOException ignored) {
                // lost meanwhile: what it queued is reported not started, and attempts are spawned directly
            }
        }
    }

    /**
     * Withdraws the attempt of {@code logStreamName} if it waits in the launcher's queue (its events then hear
     * {@link AttemptEvents#withdrawn()}); one already started is left to its events.
     */
    void withdraw(String logStreamName) {
        LauncherProcess forker;
        synchronized (this) {
            forker = launcher;
        }
        if (forker != null && !forker.isLost()) {
            try {
                forker.withdraw(AttemptRecords.relativeBase(logStreamName));
            } catch (IOException ignored) {
                // lost meanwhile: the attempt is reported not started
            }
        }
    }

    /** The kind of launcher started; empty before one started, or where none could. */
    synchronized Optional<LauncherProcess.Kind> launcherKind() {
        return Optional.ofNullable(launcher).map(LauncherProcess::kind);
    }

    /** The launcher's pid if it was started, else -1. */
    synchronized long launcherPid() {
        return launcher == null ? -1 : launcher.pid();
    }

    /**
     * Starts the attempt and reports what becomes of it to {@code events}: through the launcher this returns once
     * the request is sent and the events come from the launcher's reader thread; spawned directly, this returns
     * once the process ended (the calling thread waits for it), or early when interrupted (shutdown).
     */
    void start(LaunchPlan plan, AttemptEvents events) {
        Path log = logFile(plan.logStreamName());
        Process process;
        try {
            if (!Files.isDirectory(log.getParent())) {
                Files.createDirectories(log.getParent());
            }
            if (plan.command().isEmpty()) {
                throw new IOException("the job has no command");
            }
            requireRunnable(plan.command().get(0), plan.environment().get("PATH"));
            LauncherProcess forker = launcher();
            if (forker != null && !forker.isLost()) {
                try {
                    sendTo(forker, plan, log, events);
                    return;
                } catch (IOException e) {
                    if (!forker.isLost()) {
                        throw e;
                    }
                    // the launcher is gone: this attempt and the next are spawned directly
                }
            }
            process = spawnWrapped(plan, log);
        } catch (IOException | RuntimeException e) {
            events.notStarted(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
            return;
        }
        events.started(process.toHandle());
        try {
            int status = process.waitFor();
            removeIfEmpty(log); // as the launcher does: only a log with something in it stays
            events.ended(status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutdown: the process is the scheduler's to kill or leave
        }
    }

    /**
     * The quick way, for the scheduler's own thread: sends the attempt to the launcher if it already runs and all
     * is in place, without waiting for anything. False when not sent: then {@link #start} does it all, including
     * saying why it could not start.
     */
    boolean trySend(LaunchPlan plan, AttemptEvents events) {
        LauncherProcess forker;
        synchronized (this) {
            forker = launcher;
        }
        Path log = logFile(plan.logStreamName());
        if (forker == null || forker.isLost() || plan.command().isEmpty() || !Files.isDirectory(log.getParent())) {
            return false;
        }
        try {
            requireRunnable(plan.command().get(0), plan.environment().get("PATH"));
            sendTo(forker, plan, log, events);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void sendTo(LauncherProcess forker, LaunchPlan plan, Path log, AttemptEvents events) throws IOException {
        forker.spawn(
                plan.command(),
                plan.environment(),
                workingDirectory,
                log,
                AttemptRecords.relativeBase(plan.logStreamName()),
                launcherEvents(events));
    }

    private static LauncherProcess.Events launcherEvents(AttemptEvents events) {
        return new LauncherProcess.Events() {
            @Override
            public void started(long pid) {
                // reaped already when it ended at once: a handle that says so
                events.started(ProcessHandle.of(pid).orElseGet(() -> new EndedProcess(pid)));
            }

            @Override
            public void notStarted(IOException reason) {
                events.notStarted(reason);
            }

            @Override
            public void withdrawn() {
                events.withdrawn();
            }

            @Override
            public void ended(Integer exitCode) {
                events.ended(exitCode);
            }
        };
    }

    private Process spawnWrapped(LaunchPlan plan, Path log) throws IOException {
        List<String> wrapped = new ArrayList<>(List.of(
                "/bin/sh",
                "-c",
                WRAPPER,
                WRAPPER_NAME,
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

    private static void removeIfEmpty(Path log) {
        try {
            if (Files.size(log) == 0) {
                Files.deleteIfExists(log);
            }
        } catch (IOException ignored) {
            // gone already, or kept: either way nothing to report
        }
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
        timers.schedule(
                () -> {
                    List<ProcessHandle> left = treeOf(process);
                    left.addAll(tree);
                    left.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
                },
                grace.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Engine shutdown: SIGKILL to each running attempt's whole tree at once, with no exit status recorded (the
     * launcher told to record none; a wrapper killed first), so a later engine reports those attempts as ended by
     * the shutdown, not as the commands' own failures. Returns once they are gone (bounded): an engine reopened
     * on the same folder right after must find them dead, not adopt a process that is still being killed.
     */
    void shutdown(List<ProcessHandle> running) {
        LauncherProcess forker;
        synchronized (this) {
            forker = launcher;
        }
        if (forker != null) {
            forker.quiet();
        }
        running.forEach(ProcessLauncher::killTree);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_WAIT_MS);
        try {
            if (forker != null) {
                forker.detach();
                // it ends once its last child ended; attempts adopted from an earlier engine are waited on below
                forker.awaitEnd(SHUTDOWN_WAIT_MS);
            }
            for (ProcessHandle process : running) {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the rest are left to die; a reopened engine sees them as running and adopts them
        }
    }

    /** One attempt started while the engine shut down: killed at once, with no exit status recorded. */
    void killUnrecorded(ProcessHandle process) {
        LauncherProcess forker;
        synchronized (this) {
            forker = launcher;
        }
        if (forker != null) {
            forker.quiet();
        }
        killTree(process);
    }

    /** Engine crash as a later engine sees it: the launcher starts nothing more, records what still runs, ends. */
    synchronized void abandon() {
        if (launcher != null) {
            launcher.detach();
        }
    }

    private static void killTree(ProcessHandle process) {
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
