package io.jenkins.plugins.awsbatch.engine.run.submit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Deterministic names: run ids {@code <graph>-<yyyyMMdd-HHmmss>-<4 hex>}, job names
 * {@code <run>-<stage>-<chunk>[-r<round>]}, so a resumed run can find what it submitted by name. Batch allows
 * 128 letters, digits, '-' and '_'.
 */
public final class JobNames {
    private static final int MAX = io.jenkins.plugins.awsbatch.engine.batch.BatchLimits.MAX_NAME_LENGTH;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private JobNames() {}

    /** How a run id is written; it names the run's folder (or prefix) and begins its job names. */
    public static final String RUN_ID_RULE = "use 1-100 letters, digits, '-' or '_' (no '/', '.' or spaces)";

    private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,100}");

    /** Why {@code runId} is not a run id (null when it is): no path separators, dots, spaces or an empty id. */
    public static String runIdProblem(String runId) {
        if (runId == null || runId.isEmpty()) {
            return "the run id is empty";
        }
        if (!RUN_ID.matcher(runId).matches()) {
            String shown = runId.length() > 60 ? runId.substring(0, 60) + "..." : runId;
            return "'" + shown + "' is not a run id";
        }
        return null;
    }

    public static String newRunId(String graphName, Instant now) {
        String suffix = String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        return clean(graphName, 64) + "-" + STAMP.format(now) + "-" + suffix;
    }

    public static String job(String runId, String stage, String part) {
        String tail = "-" + clean(stage, 64) + "-" + part;
        String run = clean(runId, Integer.MAX_VALUE);
        int room = MAX - tail.length();
        if (run.length() > room) {
            // The cut would take the run id's timestamp and random suffix, making runs of one graph share job names
            // (and a resumed run adopt another's job by name): keep a digest of the whole id instead.
            String digest = String.format("%08x", run.hashCode());
            run = run.substring(0, Math.max(1, room - digest.length() - 1)) + "-" + digest;
        }
        return run + tail;
    }

    static String clean(String text, int max) {
        String cleaned = text.replaceAll("[^A-Za-z0-9_-]", "_");
        return cleaned.length() <= max ? cleaned : cleaned.substring(0, Math.max(1, max));
    }
}
