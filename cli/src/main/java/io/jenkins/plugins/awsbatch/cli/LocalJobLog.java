package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local-engine job's log, read straight from the run's folder: {@code logs/<job>/attempt-<n>.log}, for an array
 * child {@code logs/<parent>/<index>-attempt-<n>.log} (runs of earlier versions: {@code logs/<parent>-<index>/
 * attempt-<n>.log}); an attempt that printed nothing has no file. No engine is started for it: an engine over the
 * run's job table while the run's own CLI still drives it would take over (and end) the jobs that are running.
 */
final class LocalJobLog {
    private static final Pattern ATTEMPT = Pattern.compile("(?:\\d+-)?attempt-(\\d+)\\.log");

    private LocalJobLog() {}

    /** Whether the run's logs are files this command can read: a local-engine run in a local store. */
    static boolean applies(RunState state) {
        return EngineKind.LOCAL.is(state.engine) && state.runUri != null && state.runUri.startsWith("file:");
    }

    /** The latest attempt's log file of {@code jobId} ({@code parent:i} for a child), if it has logged. */
    static Optional<Path> latestAttempt(RunState state, String jobId) {
        Path logs = LocalObjectStore.toPath(state.runUri).resolve("logs");
        int colon = jobId.indexOf(':');
        if (colon < 0) {
            return latestIn(logs.resolve(jobId), "attempt-");
        }
        Optional<Path> child =
                latestIn(logs.resolve(jobId.substring(0, colon)), jobId.substring(colon + 1) + "-attempt-");
        return child.isPresent() ? child : latestIn(logs.resolve(jobId.replace(':', '-')), "attempt-");
    }

    private static Optional<Path> latestIn(Path folder, String prefix) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith(prefix) && ATTEMPT.matcher(name).matches();
                    })
                    .max(Comparator.comparingInt(LocalJobLog::attempt));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    static int attempt(Path file) {
        Matcher m = ATTEMPT.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }
}
