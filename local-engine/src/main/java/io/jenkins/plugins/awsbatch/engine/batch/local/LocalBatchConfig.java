package io.jenkins.plugins.awsbatch.engine.batch.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the embedded engine runs jobs.
 *
 * @param slots            jobs running at once (default: available processors)
 * @param logDirectory     each attempt logs to {@code <logDirectory>/<jobId>/attempt-<n>.log} (an array child to
 *                         {@code <parentId>/<index>-attempt-<n>.log}) when it prints something; the launcher's
 *                         records of each attempt's start and end are kept there too
 * @param dataDirectory    where the job table is journaled so a new engine resumes it; null: memory only
 * @param workingDirectory the processes' working directory
 * @param clock            source of createdAt/startedAt/stoppedAt
 * @param terminationGrace time between SIGTERM and SIGKILL when a job is terminated or times out
 * @param baseEnvironment  the environment every process starts from (definition and overrides come on top);
 *                         default: the allowed part of this process's ({@link JobEnvironment})
 * @param region           region written into ARNs
 * @param timeoutSecond    how long one second of {@code attemptDurationSeconds} lasts (default 1 s): tests shorten
 *                         it so the 60-second minimum timeout fires quickly; validation is unchanged
 */
public record LocalBatchConfig(
        int slots,
        Path logDirectory,
        Path dataDirectory,
        Path workingDirectory,
        Clock clock,
        Duration terminationGrace,
        Map<String, String> baseEnvironment,
        String region,
        Duration timeoutSecond) {

    public static final String DEFAULT_REGION = "local";

    public LocalBatchConfig {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, got " + slots);
        }
        Objects.requireNonNull(logDirectory, "logDirectory");
        workingDirectory = workingDirectory == null ? Path.of("").toAbsolutePath() : workingDirectory;
        clock = clock == null ? Clock.systemUTC() : clock;
        terminationGrace = terminationGrace == null ? Duration.ofSeconds(10) : terminationGrace;
        baseEnvironment = baseEnvironment == null
                ? Map.copyOf(JobEnvironment.inheritedFrom(System.getenv()))
                : Map.copyOf(baseEnvironment);
        region = region == null ? DEFAULT_REGION : region;
        timeoutSecond = timeoutSecond == null ? Duration.ofSeconds(1) : timeoutSecond;
        if (timeoutSecond.isNegative() || timeoutSecond.isZero()) {
            throw new IllegalArgumentException("timeoutSecond must be positive, got " + timeoutSecond);
        }
    }

    /** The configuration without {@code timeoutSecond} (one real second). */
    public LocalBatchConfig(
            int slots,
            Path logDirectory,
            Path dataDirectory,
            Path workingDirectory,
            Clock clock,
            Duration terminationGrace,
            Map<String, String> baseEnvironment,
            String region) {
        this(
                slots,
                logDirectory,
                dataDirectory,
                workingDirectory,
                clock,
                terminationGrace,
                baseEnvironment,
                region,
                null);
    }

    /** Defaults for everything but the log directory. */
    public static LocalBatchConfig defaults(Path logDirectory) {
        return new LocalBatchConfig(
                Runtime.getRuntime().availableProcessors(), logDirectory, null, null, null, null, null, null);
    }

    public LocalBatchConfig withSlots(int newSlots) {
        return new LocalBatchConfig(
                newSlots,
                logDirectory,
                dataDirectory,
                workingDirectory,
                clock,
                terminationGrace,
                baseEnvironment,
                region,
                timeoutSecond);
    }

    public LocalBatchConfig withDataDirectory(Path newDataDirectory) {
        return new LocalBatchConfig(
                slots,
                logDirectory,
                newDataDirectory,
                workingDirectory,
                clock,
                terminationGrace,
                baseEnvironment,
                region,
                timeoutSecond);
    }

    public LocalBatchConfig withWorkingDirectory(Path newWorkingDirectory) {
        return new LocalBatchConfig(
                slots,
                logDirectory,
                dataDirectory,
                newWorkingDirectory,
                clock,
                terminationGrace,
                baseEnvironment,
                region,
                timeoutSecond);
    }

    public LocalBatchConfig withClock(Clock newClock) {
        return new LocalBatchConfig(
                slots,
                logDirectory,
                dataDirectory,
                workingDirectory,
                newClock,
                terminationGrace,
                baseEnvironment,
                region,
                timeoutSecond);
    }

    public LocalBatchConfig withTerminationGrace(Duration newGrace) {
        return new LocalBatchConfig(
                slots,
                logDirectory,
                dataDirectory,
                workingDirectory,
                clock,
                newGrace,
                baseEnvironment,
                region,
                timeoutSecond);
    }

    public LocalBatchConfig withBaseEnvironment(Map<String, String> newEnvironment) {
        return new LocalBatchConfig(
                slots,
                logDirectory,
                dataDirectory,
                workingDirectory,
                clock,
                terminationGrace,
                newEnvironment,
                region,
                timeoutSecond);
    }

    public LocalBatchConfig withRegion(String newRegion) {
        return new LocalBatchConfig(
                slots,
                logDirectory,
                dataDirectory,
                workingDirectory,
                clock,
                terminationGrace,
                baseEnvironment,
                newRegion,
                timeoutSecond);
    }

    public LocalBatchConfig withTimeoutSecond(Duration newTimeoutSecond) {
        return new LocalBatchConfig(
                slots,
                logDirectory,
                dataDirectory,
                workingDirectory,
                clock,
                terminationGrace,
                baseEnvironment,
                region,
                newTimeoutSecond);
    }
}
