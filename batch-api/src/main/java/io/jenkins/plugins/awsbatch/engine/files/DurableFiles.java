package io.jenkins.plugins.awsbatch.engine.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes that survive a crash or a power cut: the content goes to a temporary file in the same folder, which is
 * flushed to disk (fsync), renamed over the target in one step, and the folder is flushed too so the rename
 * itself is on disk. A reader sees the old content or the new one, never a part.
 */
public final class DurableFiles {
    /** Temporary files start with this; listings skip them. */
    public static final String TEMP_PREFIX = ".tmp-";

    private DurableFiles() {}

    /** Replaces {@code target} with {@code content} atomically and durably. */
    public static void write(Path target, byte[] content) throws IOException {
        Path temp = writeTemp(target, content, true);
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(target.getParent());
    }

    /** Content written to a stream, for {@link #write(Path, StreamContent)}. */
    @FunctionalInterface
    public interface StreamContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * {@link #write} for content too large to hold in memory: streamed to the temporary file, which is flushed and
     * renamed the same way. Returns the number of bytes written.
     */
    public static long write(Path target, StreamContent content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, ".part");
        try {
            try (FileChannel file =
                            FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(file), 64 * 1024)) {
                content.writeTo(out);
                out.flush();
                file.force(true);
            }
            long size = Files.size(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(target.getParent());
            return size;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * {@link #write}s many files at a cost close to plain writes: every temporary file is written, then all are
     * flushed at once on up to {@link #FLUSH_THREADS} threads (the file system commits them together), renamed,
     * and each folder flushed once. One by one, a 25,000-item plan would spend minutes in fsync.
     */
    public static void writeAll(Map<Path, byte[]> files) throws IOException {
        if (files.size() <= 1) {
            for (Map.Entry<Path, byte[]> file : files.entrySet()) {
                write(file.getKey(), file.getValue());
            }
            return;
        }
        Map<Path, Path> temps = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, byte[]> file : files.entrySet()) {
                temps.put(file.getKey(), writeTemp(file.getKey(), file.getValue(), false));
            }
            forceAll(temps.values());
            Set<Path> folders = new LinkedHashSet<>();
            for (Map.Entry<Path, Path> temp : temps.entrySet()) {
                Files.move(
                        temp.getValue(),
                        temp.getKey(),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                folders.add(temp.getKey().getParent());
            }
            folders.forEach(DurableFiles::syncDirectory);
        } finally {
            for (Path temp : temps.values()) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Threads flushing files at once in {@link #writeAll}. */
    static final int FLUSH_THREADS = 16;

    private static void forceAll(Collection<Path> paths) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(FLUSH_THREADS, paths.size()), r -> {
            Thread t = new Thread(r, "batchgraph-fsync");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> flushes = new ArrayList<>(paths.size());
            for (Path path : paths) {
                flushes.add(pool.submit(() -> {
                    try (FileChannel file = FileChannel.open(path, StandardOpenOption.WRITE)) {
                        file.force(true);
                    }
                    return null;
                }));
            }
            for (Future<?> flush : flushes) {
                flush.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while flushing files to disk", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Creates {@code target} with {@code content} only when no file has that name, whole or not at all: the
     * complete temporary file is hard-linked to the name (which fails if it exists). Returns false when it exists.
     */
    public static boolean create(Path target, byte[] content) throws IOException {
        Path temp = writeTemp(target, content, true);
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException noLinks) {
            if (Files.exists(target)) {
                return false;
            }
            // A file system without hard links: exclusive creation, then the content.
            try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(content));
                out.force(true);
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(target.getParent());
        return true;
    }

    /** Flushes a folder's entries (names created, renamed, deleted) to disk; a no-op where folders cannot be opened. */
    public static void syncDirectory(Path directory) {
        if (directory == null) {
            return;
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a folder as a channel; its renames are durable once they return.
        }
    }

    private static Path writeTemp(Path target, byte[] content, boolean flush) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, ".part");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            if (flush) {
                out.force(true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }
}
