package io.jenkins.plugins.awsbatch.engine.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A file of records, one per line, only ever appended to. A process killed in the middle of an append leaves a
 * last line without its newline: readers take only lines that end in {@code \n}, and the next append cuts such
 * a torn tail off first, so a half-written record is never read and never glued to the next one.
 */
public final class AppendOnlyLines {
    private AppendOnlyLines() {}

    /** The complete lines of a file (none when it does not exist) and whether a torn last line was left out. */
    public record Lines(List<String> lines, boolean tornTail) {}

    public static Lines read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Lines(List.of(), false);
        }
        int end = lastNewline(bytes) + 1;
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                int stop = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                lines.add(new String(bytes, start, stop - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return new Lines(List.copyOf(lines), end < bytes.length);
    }

    /**
     * Hands the complete lines of a file to {@code line} one by one, reading it in blocks, so a file of hundreds
     * of megabytes is never in memory at once. Returns whether a torn last line was left out.
     *
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     */
    public static boolean forEach(Path file, Consumer<String> line) throws IOException {
        byte[] block = new byte[64 * 1024];
        byte[] pending = new byte[256];
        int pendingLength = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(block)) >= 0) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (block[i] != '\n') {
                        continue;
                    }
                    if (pendingLength == 0) {
                        line.accept(decode(block, start, i));
                    } else {
                        pending = appendTo(pending, pendingLength, block, start, i - start);
                        pendingLength += i - start;
                        line.accept(decode(pending, 0, pendingLength));
                        pendingLength = 0;
                    }
                    start = i + 1;
                }
                pending = appendTo(pending, pendingLength, block, start, read - start);
                pendingLength += read - start;
            }
        }
        return pendingLength > 0;
    }

    private static byte[] appendTo(byte[] target, int length, byte[] source, int from, int count) {
        byte[] out = length + count <= target.length
                ? target
                : Arrays.copyOf(target, Math.max(target.length * 2, length + count));
        System.arraycopy(source, from, out, length, count);
        return out;
    }

    /** The line {@code bytes[from, newline)} without a trailing {@code \r}. */
    private static String decode(byte[] bytes, int from, int newline) {
        int stop = newline > from && bytes[newline - 1] == '\r' ? newline - 1 : newline;
        return new String(bytes, from, stop - from, StandardCharsets.UTF_8);
    }

    /** Appends one line (a newline is added) and flushes it to disk; a torn tail left by a crash is cut off first. */
    public static void append(Path file, String line) throws IOException {
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("one record is one line: " + line);
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (FileChannel out =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = out.size();
            out.position(size);
            if (size > 0) {
                long keep = completeLength(out, size);
                if (keep < size) {
                    out.truncate(keep);
                    out.position(keep);
                }
            }
            ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        }
    }

    /** The length of the file up to and including its last newline, read backwards in small blocks. */
    private static long completeLength(FileChannel in, long size) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(4096);
        long end = size;
        while (end > 0) {
            long start = Math.max(0, end - block.capacity());
            block.clear().limit((int) (end - start));
            while (block.hasRemaining() && in.read(block, start + block.position()) >= 0) {
                // read the whole block
            }
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
