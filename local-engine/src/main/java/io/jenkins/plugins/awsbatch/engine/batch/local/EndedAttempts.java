package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import java.util.Arrays;
import java.util.List;

/**
 * A job's ended attempts as the table keeps them: times unboxed, and the log stream only when it is not the one
 * the job's id and the attempt number give ({@link ProcessLauncher#logStreamName}). A {@link JobAttempt} with its
 * boxed times and its own stream name costs about 160 bytes, one of these 40: at 100,000 items × 3 stages that is
 * some 36 MB less heap. {@link JobAttempt}s are made when a describe or a journal line asks for them.
 */
final class EndedAttempts {
    static final Ended[] NONE = new Ended[0];
    private static final long NO_TIME = Long.MIN_VALUE;

    private EndedAttempts() {}

    /** One ended attempt; {@code logStream} null when it is the derived one. */
    record Ended(long startedAt, long stoppedAt, Integer exitCode, String reason, String logStream) {}

    /** {@code kept} with {@code attempt} (attempt number {@code kept.length + 1} of {@code jobId}) added. */
    static Ended[] add(Ended[] kept, String jobId, JobAttempt attempt) {
        Ended[] more = Arrays.copyOf(kept, kept.length + 1);
        more[kept.length] = new Ended(
                unboxed(attempt.startedAt()),
                unboxed(attempt.stoppedAt()),
                attempt.exitCode(),
                attempt.reason(),
                keptStream(jobId, kept.length + 1, attempt.logStreamName()));
        return more;
    }

    static Ended[] of(String jobId, List<JobAttempt> attempts) {
        Ended[] kept = NONE;
        for (JobAttempt attempt : attempts) {
            kept = add(kept, jobId, attempt);
        }
        return kept;
    }

    static List<JobAttempt> views(Ended[] kept, String jobId) {
        if (kept.length == 0) {
            return List.of();
        }
        JobAttempt[] out = new JobAttempt[kept.length];
        for (int i = 0; i < kept.length; i++) {
            Ended e = kept[i];
            out[i] = new JobAttempt(
                    boxed(e.startedAt()),
                    boxed(e.stoppedAt()),
                    e.exitCode(),
                    e.reason(),
                    stream(jobId, i + 1, e.logStream()));
        }
        return List.of(out);
    }

    /** When the first attempt started; null when there was none or it never started. */
    static Long firstStartedAt(Ended[] kept) {
        return kept.length == 0 ? null : boxed(kept[0].startedAt());
    }

    /** {@code stream} as kept for attempt {@code attempt} of {@code jobId}: null when it is the derived one. */
    static String keptStream(String jobId, int attempt, String stream) {
        return stream != null && stream.equals(ProcessLauncher.logStreamName(jobId, attempt)) ? null : stream;
    }

    /** The stream of attempt {@code attempt} from what {@link #keptStream} kept. */
    static String stream(String jobId, int attempt, String kept) {
        return kept != null ? kept : ProcessLauncher.logStreamName(jobId, attempt);
    }

    private static long unboxed(Long time) {
        return time == null ? NO_TIME : time;
    }

    private static Long boxed(long time) {
        return time == NO_TIME ? null : time;
    }
}
