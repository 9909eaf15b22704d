package io.jenkins.plugins.awsbatch.engine.trigger;

import io.jenkins.plugins.awsbatch.engine.files.AppendOnlyLines;
import io.jenkins.plugins.awsbatch.engine.files.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The seen-set in a file, one URL-encoded identity per line, appended as objects are handed over, so a restarted
 * watcher (or Jenkins) still recognises redelivered events. Bounded: it keeps the newest {@code capacity}
 * identities, rewriting the file (atomically) once it holds twice as many lines.
 */
public final class FileSeenObjects implements SeenObjects {
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Path file;
    private final int capacity;
    private final LinkedHashSet<String> seen = new LinkedHashSet<>();
    private int linesInFile;

    public FileSeenObjects(Path file, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.file = file;
        this.capacity = capacity;
        load();
    }

    public FileSeenObjects(Path file) {
        this(file, DEFAULT_CAPACITY);
    }

    @Override
    public synchronized boolean contains(S3ObjectEvent event) {
        return seen.contains(event.identity());
    }

    @Override
    public synchronized void add(S3ObjectEvent event) {
        String id = event.identity();
        seen.remove(id);
        seen.add(id);
        trim();
        try {
            AppendOnlyLines.append(file, URLEncoder.encode(id, StandardCharsets.UTF_8));
            linesInFile++;
            if (linesInFile > 2 * capacity) {
                rewrite();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a seen object in " + file, e);
        }
    }

    public synchronized int size() {
        return seen.size();
    }

    private void load() {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            // A line torn by a crash mid-append is the one object not yet handed over for sure: left out.
            List<String> lines = AppendOnlyLines.read(file).lines();
            for (String line : lines) {
                if (!line.isBlank()) {
                    String id = URLDecoder.decode(line.strip(), StandardCharsets.UTF_8);
                    seen.remove(id);
                    seen.add(id);
                }
            }
            linesInFile = lines.size();
            trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seen objects in " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the seen objects file " + file + " is damaged; delete it to start afresh", e);
        }
    }

    private void trim() {
        Iterator<String> oldest = seen.iterator();
        while (seen.size() > capacity && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private void rewrite() throws IOException {
        List<String> lines = new ArrayList<>();
        seen.forEach(id -> lines.add(URLEncoder.encode(id, StandardCharsets.UTF_8)));
        DurableFiles.write(
                file, (String.join("\n", lines) + (lines.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
        linesInFile = lines.size();
    }
}
