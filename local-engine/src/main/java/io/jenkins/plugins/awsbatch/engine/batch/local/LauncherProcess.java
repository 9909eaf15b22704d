package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's long-lived launcher ({@link Kind#PYTHON launcher.py} run by {@code python3}, else
 * {@link Kind#PERL launcher.pl} run by {@code perl}): one small process that starts every attempt with one exec per
 * child (python: {@code posix_spawn}, a vfork; perl: a fork), where the JVM's own spawning costs two execs (its
 * spawn helper) plus the shell wrapper's. It writes each attempt's start and exit status to its records file
 * ({@link AttemptRecords}) itself and outlives the engine, so an engine killed with -9 loses no exit status.
 * Requests go over its stdin; its replies (started, not started, withdrawn, ended) come back over its stdout to one
 * reader thread. Requests queue in the launcher until its gate ({@link #gate}) lets them run, so the engine can
 * keep the next few there and a child starts the instant another ended, without a round trip to the engine.
 */
final class LauncherProcess {
    /** The launcher's process title, followed by its records file: how a restarted engine finds it. */
    static final String NAME = "batchgraph-launcher";

    static final String RECORDS_SUFFIX = ".records";
    /**
     * Created beside its records file by a python launcher once its stdin closed (python cannot retitle itself as
     * perl's does); it removes it when it exits.
     */
    static final String DRAINED_SUFFIX = ".drained";
    /** The environment variable that hands the python launcher its script (kept off its command line). */
    static final String PYTHON_SCRIPT_VARIABLE = "BATCHGRAPH_LAUNCHER";

    /** The two launchers, one protocol: python's spawns cheaper, perl is on more machines (every Debian). */
    enum Kind {
        PYTHON("launcher.py", "python3"),
        PERL("launcher.pl", "perl");

        final String script;
        /** Its interpreter, found on the engine's PATH, unless a system property names another. */
        final String defaultInterpreter;

        Kind(String script, String defaultInterpreter) {
            this.script = script;
            this.defaultInterpreter = defaultInterpreter;
        }

        /**
         * Its command line, with an environment of nothing but the script (python's): it hands each child exactly
         * the environment asked for.
         */
        ProcessBuilder command(String interpreter, String scriptText, Path recordsFile) {
            ProcessBuilder builder = this == PERL
                    ? new ProcessBuilder(interpreter, "-e", scriptText, recordsFile.toString())
                    : new ProcessBuilder(
                            interpreter,
                            "-I", // no PYTHON* variable, no user site: only the standard library it was built with
                            "-S",
                            "-c",
                            "import os;exec(os.environ.pop('" + PYTHON_SCRIPT_VARIABLE + "'))",
                            NAME,
                            recordsFile.toString());
            builder.environment().clear();
            if (this == PYTHON) {
                builder.environment().put(PYTHON_SCRIPT_VARIABLE, scriptText);
            }
            return builder;
        }
    }

    private static final long READY_TIMEOUT_MS = 10_000;

    /** What becomes of one spawn request, told on the reader thread in this order. */
    interface Events {
        void started(long pid);

        void notStarted(IOException reason);

        /** Withdrawn from the launcher's queue ({@link #withdraw}, or the engine shutting down): it never ran. */
        void withdrawn();

        /** Its exit status; null when the launcher was lost first. */
        void ended(Integer exitCode);
    }

    /** A request sent: its events, and whether it was reported started. */
    private static final class Pending {
        final Events events;
        volatile boolean started;

        Pending(Events events) {
            this.events = events;
        }
    }

    private final Kind kind;
    private final Process process;
    private final OutputStream requests;
    private final Path recordsFile;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private volatile boolean lost;

    private LauncherProcess(Kind kind, Process process, Path recordsFile) {
        this.kind = kind;
        this.process = process;
        this.requests = process.getOutputStream();
        this.recordsFile = recordsFile;
    }

    /**
     * Starts the launcher of {@code kind}, run by {@code interpreter}, writing its records to {@code recordsFile};
     * throws when it cannot run (no such interpreter, or a python without {@code posix_spawn}, say): the caller
     * then tries the other kind, or spawns each attempt itself.
     */
    static LauncherProcess start(Kind kind, String interpreter, Path recordsFile) throws IOException {
        String script;
        try (InputStream in = LauncherProcess.class.getResourceAsStream(kind.script)) {
            if (in == null) {
                throw new IOException(kind.script + " is missing from the engine's jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Process process = kind.command(interpreter, script, recordsFile)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader replies =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        LauncherProcess launcher = new LauncherProcess(kind, process, recordsFile);
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                return replies.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String first;
        try {
            first = ready.get(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while the launcher started", e);
        } catch (ExecutionException | TimeoutException e) {
            first = null;
        }
        if (first == null || !first.startsWith("READY ")) {
            process.destroyForcibly();
            throw new IOException("the launcher did not start (" + interpreter + " missing or failing)");
        }
        Thread reader = new Thread(() -> launcher.readReplies(replies), "local-batch-launcher-replies");
        reader.setDaemon(true);
        reader.start();
        return launcher;
    }

    Kind kind() {
        return kind;
    }

    Path recordsFile() {
        return recordsFile;
    }

    long pid() {
        return process.pid();
    }

    boolean isLost() {
        return lost;
    }

    /**
     * Asks for {@code command} to be started in {@code directory} with exactly {@code environment}, its output to
     * {@code log}, its records named {@code recordBase}. Returns once sent; {@code events} hears the rest.
     * Throws when it cannot be sent (the launcher is gone).
     */
    void spawn(
            List<String> command,
            Map<String, String> environment,
            Path directory,
            Path log,
            String recordBase,
            Events events)
            throws IOException {
        long id = ids.incrementAndGet();
        ByteArrayOutputStream request = new ByteArrayOutputStream(512);
        field(request, "R");
        field(request, Long.toString(id));
        field(request, directory.toString());
        field(request, log.toString());
        field(request, recordBase);
        field(request, Integer.toString(command.size()));
        command.forEach(argument -> field(request, argument));
        field(request, Integer.toString(environment.size()));
        environment.forEach((name, value) -> field(request, name + "=" + value));
        pending.put(id, new Pending(events));
        try {
            send(request.toByteArray());
        } catch (IOException e) {
            pending.remove(id);
            throw e;
        }
    }

    /**
     * At most {@code places} of the launcher's children run at once (none when zero or less); requests beyond
     * wait in its queue, oldest first.
     */
    void gate(int places) throws IOException {
        send(("G\0" + Math.max(0, places) + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Withdraws the request of {@code recordBase} if it still waits in the launcher's queue: its events then hear
     * {@link Events#withdrawn()}. One already started (or not yet received) is not touched.
     */
    void withdraw(String recordBase) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream(64);
        field(request, "C");
        field(request, recordBase);
        send(request.toByteArray());
    }

    /**
     * From now on the launcher starts nothing (its queue is withdrawn) and records no exit status: the engine
     * shuts down and ends what runs itself.
     */
    void quiet() {
        try {
            send("Q\0".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException ignored) {
            // a launcher already gone records nothing either
        }
    }

    /** Closes its stdin: it starts nothing more and ends once its children ended (after recording them). */
    void detach() {
        try {
            synchronized (this) {
                requests.close();
            }
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Waits (bounded) for the launcher to end after {@link #detach()}; false when it still runs. */
    boolean awaitEnd(long timeoutMs) throws InterruptedException {
        return process.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
    }

    private synchronized void send(byte[] request) throws IOException {
        if (lost) {
            throw new IOException("the launcher ended");
        }
        requests.write(request);
        requests.flush();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a command, environment or path holds a NUL character");
        }
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    private void readReplies(BufferedReader replies) {
        try {
            String line;
            while ((line = replies.readLine()) != null) {
                handle(line);
            }
        } catch (IOException ignored) {
            // the launcher ended: below, whoever waits on it is told
        }
        lost = true;
        IOException gone = new IOException("the launcher ended");
        for (Long id : List.copyOf(pending.keySet())) {
            Pending request = pending.remove(id);
            if (request != null && request.started) {
                request.events.ended(null);
            } else if (request != null) {
                request.events.notStarted(gone);
            }
        }
    }

    private void handle(String line) {
        try {
            dispatch(line);
        } catch (RuntimeException e) {
            // one reply's listener failing must not stop the replies of every other attempt
            System.err.println("local batch launcher: " + line + ": " + e);
        }
    }

    private void dispatch(String line) {
        String[] parts = line.split(" ", 3);
        long id = Long.parseLong(parts[1]);
        switch (parts[0]) {
            case "P" -> {
                Pending request = pending.get(id);
                if (request != null) {
                    request.started = true;
                    request.events.started(Long.parseLong(parts[2]));
                }
            }
            case "F" -> {
                Pending request = pending.remove(id);
                if (request != null) {
                    request.events.notStarted(new IOException(parts.length > 2 ? parts[2] : "not started"));
                }
            }
            case "W" -> {
                Pending request = pending.remove(id);
                if (request != null) {
                    request.events.withdrawn();
                }
            }
            case "X" -> {
                Pending request = pending.remove(id);
                if (request != null) {
                    request.events.ended(Integer.valueOf(parts[2]));
                }
            }
            default -> throw new IllegalStateException("unexpected launcher reply: " + line);
        }
    }
}
