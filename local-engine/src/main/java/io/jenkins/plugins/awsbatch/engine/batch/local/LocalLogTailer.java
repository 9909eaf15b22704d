package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.LogTailer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the local engine's attempt logs ({@code <logDirectory>/<logStreamName>}). A tail reads at most
 * {@code maxTailBytes} from the end of the file, so a huge log costs no more than a small one.
 */
public final class LocalLogTailer implements LogTailer {
    public static final int DEFAULT_MAX_TAIL_BYTES = 64 * 1024;
    public static final long DEFAULT_MAX_ALL_BYTES = 16L * 1024 * 1024;

    private final Path logDirectory;
    private final int maxTailBytes;
    private final long maxAllBytes;

    public LocalLogTailer(Path logDirectory) {
        this(logDirectory, DEFAULT_MAX_TAIL_BYTES, DEFAULT_MAX_ALL_BYTES);
    }

    public LocalLogTailer(Path logDirectory, int maxTailBytes, long maxAllBytes) {
        this.logDirectory = logDirectory;
        this.maxTailBytes = maxTailBytes;
        this.maxAllBytes = maxAllBytes;
    }

    @Override
    public List<String> tail(JobDetail job, int maxLines) {
        Path file = fileOf(job);
        if (file == null || maxLines <= 0) {
            return List.of();
        }
        List<String> lines = readEnd(file, maxTailBytes);
        return lines.size() <= maxLines ? lines : List.copyOf(lines.subList(lines.size() - maxLines, lines.size()));
    }

    @Override
    public List<String> all(JobDetail job) {
        Path file = fileOf(job);
        return file == null ? List.of() : readEnd(file, maxAllBytes);
    }

    /** The latest attempt's log file, or null when the job never logged. */
    private Path fileOf(JobDetail job) {
        if (job == null || job.logStreamName() == null) {
            return null;
        }
        Path file = logDirectory.resolve(job.logStreamName()).normalize();
        return file.startsWith(logDirectory.normalize()) && Files.isRegularFile(file) ? file : null;
    }

    /** The lines in the last {@code limit} bytes; a line cut by the limit is dropped. */
    private static List<String> readEnd(Path file, long limit) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(0, length - limit);
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            if (start > 0 && !lines.isEmpty()) {
                lines.remove(0);
            }
            return lines;
        } catch (IOException e) {
            return List.of();
        }
    }
}
