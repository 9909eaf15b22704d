package io.jenkins.plugins.awsbatch.engine.lock;

import io.jenkins.plugins.awsbatch.engine.files.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * The lock of a run in a local folder: the file {@code run.lock} holding the owner's record, and an OS lock on
 * it ({@link FileChannel#tryLock}) that the operating system drops when the owner dies, so a process that gets
 * the OS lock knows a record left on this host is a dead owner's. The record still decides between hosts that
 * share the folder (a network file system whose locks may not reach every host): a live lease there refuses.
 * Releasing empties and deletes the file; a taker checks that the file it locked is still the one under the
 * name (same identity before opening and after locking), else it tries the new one.
 */
final class FileLockSlot implements LockSlot {
    private static final int ATTEMPTS = 20;
    /** Where files have no identity (Windows), an open file cannot be deleted either: any key compares equal. */
    private static final Object NO_FILE_KEYS = new Object();

    private final Path file;
    private FileChannel channel;
    private FileLock osLock;

    FileLockSlot(Path file) {
        this.file = file;
    }

    @Override
    public Taking take(LockOwner me, StaleRule rule) {
        LockOwner lastHolder = null;
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Files.createDirectories(file.getParent());
                Object before = fileKey();
                if (before == null) {
                    createEmpty();
                    continue;
                }
                FileChannel candidate;
                try {
                    candidate = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                } catch (NoSuchFileException released) {
                    continue;
                }
                FileLock locked;
                try {
                    locked = candidate.tryLock();
                } catch (OverlappingFileLockException heldInThisProcess) {
                    locked = null;
                }
                byte[] previous = readAll(candidate);
                if (locked == null) {
                    candidate.close();
                    lastHolder = LockOwner.parse(previous);
                    if (lastHolder != null) {
                        return Taking.refusedBy(lastHolder);
                    }
                    pause(); // the holder is writing its record
                    continue;
                }
                if (!before.equals(fileKey())) {
                    locked.release(); // the owner before released and deleted the file we locked: take the new one
                    candidate.close();
                    continue;
                }
                LockOwner holder = previous.length == 0 ? null : LockOwner.parse(previous);
                String staleReason = null;
                if (previous.length > 0) {
                    staleReason = rule.whyStale(holder, true).orElse(null);
                    if (staleReason == null) {
                        locked.release();
                        candidate.close();
                        return Taking.refusedBy(holder);
                    }
                }
                write(candidate, me);
                DurableFiles.syncDirectory(file.getParent());
                channel = candidate;
                osLock = locked;
                return Taking.taken(holder, staleReason);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the run lock " + file, e);
        }
        return Taking.refusedBy(lastHolder);
    }

    @Override
    public void renew(LockOwner me) {
        try {
            write(channel, me);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot renew the run lock " + file, e);
        }
    }

    @Override
    public void release() {
        try {
            channel.truncate(0);
            channel.force(true);
            Files.deleteIfExists(file);
            DurableFiles.syncDirectory(file.getParent());
            osLock.release();
            channel.close();
            Files.deleteIfExists(file.getParent()); // a run folder that holds nothing else (its run never began)
        } catch (DirectoryNotEmptyException expected) {
            // the run's data stays
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the run lock " + file, e);
        }
    }

    /**
     * The file's identity without opening it: on POSIX systems closing any descriptor of a file drops the
     * process's locks on it, so the holder never opens its lock file a second time.
     */
    private Object fileKey() throws IOException {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : NO_FILE_KEYS;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void createEmpty() throws IOException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            // another taker created it: fine
        }
    }

    private static void write(FileChannel out, LockOwner owner) throws IOException {
        out.truncate(0);
        ByteBuffer buffer = ByteBuffer.wrap(owner.toJson());
        long position = 0;
        while (buffer.hasRemaining()) {
            position += out.write(buffer, position);
        }
        out.force(true);
    }

    private static byte[] readAll(FileChannel in) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(in.size(), 64 * 1024));
        while (buffer.hasRemaining() && in.read(buffer, buffer.position()) > 0) {
            // read the whole record
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking a run lock", e);
        }
    }
}
