package io.jenkins.plugins.awsbatch.engine.store;

import io.jenkins.plugins.awsbatch.engine.files.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local engine's store: {@code file://} URIs are files in a folder. Writes are atomic and durable
 * ({@link DurableFiles}). A version is the file's identity, modification time and size: every write makes a new
 * file, so any change gives a new version. Conditional writes compare and replace under this store's monitor, so
 * they are exact within a process; across processes a run's writers are kept to one by the run lock.
 */
public final class LocalObjectStore implements ObjectStore {

    /**
     * {@code file:///abs} (a URI: percent-escapes are decoded, as {@link #toUri} writes them), {@code file:relative}
     * or {@code file://relative} (a plain path relative to the cwd) to a path. An absolute form that is not a
     * clean URI (a space, or a '?' or '#' a person typed) is taken as the plain path it spells, never cut at them.
     */
    public static Path toPath(String uri) {
        if (uri.startsWith("file:///")) {
            try {
                URI parsed = new URI(uri);
                if (parsed.getRawQuery() == null && parsed.getRawFragment() == null) {
                    return Paths.get(parsed);
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not an escaped URI: the plain path below
            }
            return Paths.get(uri.substring("file://".length())).toAbsolutePath().normalize();
        }
        if (uri.startsWith("file://")) {
            return Paths.get(uri.substring("file://".length())).toAbsolutePath().normalize();
        }
        if (uri.startsWith("file:")) {
            return Paths.get(uri.substring("file:".length())).toAbsolutePath().normalize();
        }
        return Paths.get(uri).toAbsolutePath().normalize();
    }

    /**
     * The canonical URI of a local path: {@code file:///abs/path}, with every character a URI reserves escaped
     * ({@code ?} → {@code %3F}, {@code #} → {@code %23}, {@code %} → {@code %25}), so jobs parse it back to the
     * same folder. Never built by string concatenation.
     */
    public static String toUri(Path path) {
        String uri = path.toAbsolutePath().normalize().toUri().toString();
        // Path.toUri ends an existing folder with '/'; the store's URIs never end with one.
        return uri.endsWith("/") && uri.length() > "file:///".length() ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** Normalises any accepted form of a local store URI to {@code file:///abs/path}. */
    public static String canonical(String uri) {
        return toUri(toPath(uri));
    }

    @Override
    public void put(String uri, byte[] content) {
        Path target = toPath(uri);
        try {
            DurableFiles.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Many objects (a plan's items): each atomic, all flushed to disk together ({@link DurableFiles#writeAll}). */
    @Override
    public void putAll(Map<String, byte[]> objects) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        objects.forEach((uri, content) -> files.put(toPath(uri), content));
        try {
            DurableFiles.writeAll(files);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write " + files.size() + " files such as "
                            + files.keySet().iterator().next(),
                    e);
        }
    }

    @Override
    public Optional<Versioned> getVersioned(String uri) {
        Path file = toPath(uri);
        for (int attempt = 0; ; attempt++) {
            Optional<String> before = version(file);
            Optional<byte[]> content = get(uri);
            if (before.isEmpty() || content.isEmpty()) {
                return Optional.empty();
            }
            if (before.equals(version(file)) || attempt == 5) {
                return Optional.of(new Versioned(content.get(), before.get()));
            }
        }
    }

    @Override
    public synchronized Optional<String> putIfAbsent(String uri, byte[] content) {
        Path target = toPath(uri);
        try {
            return DurableFiles.create(target, content) ? version(target) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    @Override
    public synchronized Optional<String> putIfVersion(String uri, byte[] content, String expectedVersion) {
        Path target = toPath(uri);
        if (!version(target).equals(Optional.of(expectedVersion))) {
            return Optional.empty();
        }
        put(uri, content);
        return version(target);
    }

    @Override
    public synchronized boolean deleteIfVersion(String uri, String expectedVersion) {
        Path target = toPath(uri);
        if (!version(target).equals(Optional.of(expectedVersion))) {
            return false;
        }
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + target, e);
        }
        DurableFiles.syncDirectory(target.getParent());
        return true;
    }

    /** Identity (device and inode where the file system has them), modification time and size; empty if absent. */
    static Optional<String> version(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = attributes.fileKey();
            return Optional.of((key == null ? "" : key + "@")
                    + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + ":" + attributes.size());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + file, e);
        }
    }

    @Override
    public Optional<byte[]> get(String uri) {
        try {
            return Optional.of(Files.readAllBytes(toPath(uri)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri, e);
        }
    }

    /** Seeks to {@code first} and reads at most {@code last - first + 1} bytes: a packed item, not its whole part. */
    @Override
    public Optional<byte[]> getRange(String uri, long first, long last) {
        if (first < 0 || last < first || last - first >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a byte range: " + first + "-" + last + " of " + uri);
        }
        try (FileChannel file = FileChannel.open(toPath(uri), StandardOpenOption.READ)) {
            long size = file.size();
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, Math.min(last + 1, size) - first));
            // a positional read may return fewer bytes than asked: read on from where it stopped
            while (buffer.hasRemaining()) {
                if (file.read(buffer, first + buffer.position()) < 0) {
                    break;
                }
            }
            return Optional.of(
                    buffer.hasRemaining()
                            ? java.util.Arrays.copyOf(buffer.array(), buffer.position())
                            : buffer.array());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri, e);
        }
    }

    @Override
    public List<String> list(String prefixUri) {
        Path root = toPath(prefixUri);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<String> out = new ArrayList<>();
            files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(DurableFiles.TEMP_PREFIX))
                    .sorted()
                    .forEach(p -> out.add(toUri(p)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    @Override
    public List<String> childNames(String prefixUri) {
        Path root = toPath(prefixUri);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    @Override
    public int deletePrefix(String prefixUri, String allowedRoot) {
        Path target = toPath(prefixUri);
        Path root = toPath(allowedRoot);
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("refusing to delete " + target + ": it is outside " + root);
        }
        if (!Files.exists(target)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(target)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            int files = 0;
            for (Path p : paths) {
                if (Files.isRegularFile(p)) {
                    files++;
                }
                Files.deleteIfExists(p);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + target, e);
        }
    }
}
