package io.jenkins.plugins.awsbatch.engine.batch.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.util.List;
import java.util.Map;

/**
 * One line of the local engine's state files ({@link StateJournal}): the journal is a sequence of these, and a
 * snapshot is the same lines written from the table at one moment. Each line stands alone and sets what it
 * names to what it holds, so replaying lines in order rebuilds the table, and a line replayed twice is harmless.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "t")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JournalEntry.SnapshotStart.class, name = "snapshot"),
    @JsonSubTypes.Type(value = JournalEntry.SnapshotEnd.class, name = "end"),
    @JsonSubTypes.Type(value = JournalEntry.Registries.class, name = "registries"),
    @JsonSubTypes.Type(value = JournalEntry.Submitted.class, name = "job"),
    @JsonSubTypes.Type(value = JournalEntry.JobState.class, name = "s"),
    @JsonSubTypes.Type(value = JournalEntry.Tags.class, name = "tags")
})
sealed interface JournalEntry {

    /** First line of a snapshot: the journal generation whose lines come after it. */
    record SnapshotStart(int version, long journal) implements JournalEntry {
        static final int VERSION = 2;
    }

    /** Last line of a snapshot: a snapshot without it was not written whole. */
    record SnapshotEnd(int jobs) implements JournalEntry {}

    /** Every definition, compute environment, queue and consumable resource total, as they are now. */
    record Registries(
            List<JobDefinitionInfo> definitions,
            List<ComputeEnvironmentInfo> computeEnvironments,
            List<JobQueueInfo> queues,
            Map<String, Long> consumableResources)
            implements JournalEntry {}

    /** A top-level job was accepted: what it was submitted with; its children (all SUBMITTED) come with it. */
    record Submitted(@JsonProperty("j") String jobId, JobSpec spec, Map<String, String> tags, long createdAt)
            implements JournalEntry {
        static Submitted of(LocalJob top) {
            return new Submitted(top.jobId(), top.spec, Map.copyOf(top.tags), top.createdAt);
        }
    }

    /** A top-level job's tags, replaced whole. */
    record Tags(@JsonProperty("j") String jobId, Map<String, String> tags) implements JournalEntry {}

    /**
     * A job's whole persisted state after a change (a child's id is its parent's and {@code :index}). The keys are
     * short because a run of 100,000 items writes a few of these per child; nulls and false are left out (the
     * mapper leaves out nulls; a {@code 0} exit code is kept).
     */
    record JobState(
            @JsonProperty("j") String jobId,
            @JsonProperty("s") JobStatus status,
            @JsonProperty("r") String statusReason,
            @JsonProperty("b") Long startedAt,
            @JsonProperty("e") Long stoppedAt,
            @JsonProperty("x") Integer exitCode,
            @JsonProperty("l") String logStreamName,
            @JsonProperty("a") List<Attempt> attempts,

            @JsonProperty("c") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
            boolean cancelled,

            @JsonProperty("k") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
            boolean terminated,

            @JsonProperty("d") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
            boolean dependencyFailed,

            @JsonProperty("q") String stopRequestReason)
            implements JournalEntry {

        static JobState of(LocalJob job) {
            return job.image().toEntry();
        }

        void applyTo(LocalJob job) {
            job.status = status;
            job.statusReason = statusReason;
            job.startedAt = startedAt;
            job.stoppedAt = stoppedAt;
            job.exitCode = exitCode;
            job.replaceAttempts(
                    attempts == null
                            ? List.of()
                            : attempts.stream().map(Attempt::toJobAttempt).toList());
            job.logStreamName(logStreamName); // after the attempts: a derived name is kept as an attempt number
            job.cancelled = cancelled;
            job.terminated = terminated;
            job.dependencyFailed = dependencyFailed;
            job.stopRequestReason = stopRequestReason;
        }
    }

    /** A {@link JobAttempt} with the same short keys. */
    record Attempt(
            @JsonProperty("b") Long startedAt,
            @JsonProperty("e") Long stoppedAt,
            @JsonProperty("x") Integer exitCode,
            @JsonProperty("r") String reason,
            @JsonProperty("l") String logStreamName) {

        static List<Attempt> of(List<JobAttempt> attempts) {
            if (attempts.isEmpty()) {
                return null;
            }
            Attempt[] out = new Attempt[attempts.size()];
            for (int i = 0; i < out.length; i++) {
                JobAttempt a = attempts.get(i);
                out[i] = new Attempt(a.startedAt(), a.stoppedAt(), a.exitCode(), a.reason(), a.logStreamName());
            }
            return List.of(out);
        }

        JobAttempt toJobAttempt() {
            return new JobAttempt(startedAt, stoppedAt, exitCode, reason, logStreamName);
        }
    }
}
