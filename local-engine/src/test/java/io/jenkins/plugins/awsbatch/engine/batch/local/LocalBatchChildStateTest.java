package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.DependencyType;
import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Array children keep only what is their own (the id and index are derived from the parent, attempts lists exist
 * once there are attempts): DescribeJobs and ListJobs still answer for each child exactly as AWS does, and an
 * engine restarted from the journal answers the same.
 */
class LocalBatchChildStateTest extends LocalBatchTestSupport {
    private static final int SIZE = 4;
    private static final String EXITED = JobScheduler.CONTAINER_EXITED;

    @Test
    void threeChainedArraysWithRetriesAndFailuresAnswerPerChildAndAgainAfterARestart() {
        start(config(2).withDataDirectory(temp.resolve("data")));
        // index 1 fails both attempts, index 2 fails its first attempt only
        String first = submit(job(
                        "first",
                        "[ $AWS_BATCH_JOB_ARRAY_INDEX != 1 ] || exit 3;"
                                + " [ $AWS_BATCH_JOB_ARRAY_INDEX != 2 ] || [ $AWS_BATCH_JOB_ATTEMPT = 2 ]")
                .arraySize(SIZE)
                .retryStrategy(new RetryStrategy(2, List.of())));
        String second = submit(job("second", "true").arraySize(SIZE).dependsOn(List.of(nToN(first))));
        String third = submit(job("third", "[ $AWS_BATCH_JOB_ARRAY_INDEX != 3 ] || exit 5")
                .arraySize(SIZE)
                .dependsOn(List.of(nToN(second))));
        awaitTerminal(third);
        List<String> arrays = List.of(first, second, third);

        assertChild(first, 0, JobStatus.SUCCEEDED, EXITED, 0);
        assertChild(first, 1, JobStatus.FAILED, EXITED, 3, 3);
        assertChild(first, 2, JobStatus.SUCCEEDED, EXITED, 1, 0);
        assertChild(first, 3, JobStatus.SUCCEEDED, EXITED, 0);
        assertChild(second, 1, JobStatus.FAILED, JobStateMachine.DEPENDENT_JOB_FAILED);
        assertChild(second, 3, JobStatus.SUCCEEDED, EXITED, 0);
        assertChild(third, 1, JobStatus.FAILED, JobStateMachine.DEPENDENT_JOB_FAILED);
        assertChild(third, 2, JobStatus.SUCCEEDED, EXITED, 0);
        assertChild(third, 3, JobStatus.FAILED, EXITED, 5);
        assertThat(describe(first).statusSummary())
                .containsEntry(JobStatus.SUCCEEDED, 3)
                .containsEntry(JobStatus.FAILED, 1);
        assertThat(describe(third).statusSummary())
                .containsEntry(JobStatus.SUCCEEDED, 2)
                .containsEntry(JobStatus.FAILED, 2);
        for (String array : arrays) {
            assertListingAgreesWithDescribe(array);
        }

        List<JobDetail> before = describeAll(arrays);
        List<JobSummary> listedBefore = listAll(arrays);
        batch.close();
        start(config(2).withDataDirectory(temp.resolve("data")));
        assertThat(describeAll(arrays)).isEqualTo(before);
        assertThat(listAll(arrays)).isEqualTo(listedBefore);
    }

    /** Child {@code index}: its derived id, index and size, its reason, and one attempt per exit code given. */
    private void assertChild(String parent, int index, JobStatus status, String reason, Integer... exitCodes) {
        JobDetail child = describe(parent + ":" + index);
        assertThat(child.jobId()).isEqualTo(parent + ":" + index);
        assertThat(child.arrayIndex()).isEqualTo(index);
        assertThat(child.arraySize()).isEqualTo(SIZE);
        assertThat(child.statusSummary()).isEmpty();
        assertThat(child.createdAt()).isEqualTo(describe(parent).createdAt());
        assertThat(child.status()).isEqualTo(status);
        assertThat(child.statusReason()).isEqualTo(reason);
        assertThat(child.attempts()).extracting(JobAttempt::exitCode).containsExactly(exitCodes);
        if (exitCodes.length == 0) {
            assertThat(child.startedAt()).isNull();
            assertThat(child.exitCode()).isNull();
            assertThat(child.logStreamName()).isNull();
            assertThat(child.stoppedAt()).isGreaterThanOrEqualTo(child.createdAt());
            return;
        }
        JobAttempt last = child.attempts().get(exitCodes.length - 1);
        assertThat(child.exitCode()).isEqualTo(exitCodes[exitCodes.length - 1]);
        assertThat(child.startedAt()).isEqualTo(last.startedAt());
        assertThat(child.stoppedAt()).isGreaterThanOrEqualTo(last.stoppedAt());
        assertThat(child.logStreamName())
                .isEqualTo(last.logStreamName())
                .isEqualTo(ProcessLauncher.logStreamName(child.jobId(), exitCodes.length));
    }

    private void assertListingAgreesWithDescribe(String parent) {
        List<JobSummary> listed = list(parent);
        assertThat(listed).extracting(JobSummary::arrayIndex).containsExactlyElementsOf(indexes());
        for (JobSummary row : listed) {
            JobDetail detail = describe(row.jobId());
            assertThat(row)
                    .isEqualTo(new JobSummary(
                            detail.jobId(),
                            detail.jobName(),
                            detail.status(),
                            detail.statusReason(),
                            detail.createdAt(),
                            detail.startedAt(),
                            detail.stoppedAt(),
                            detail.arrayIndex(),
                            detail.exitCode(),
                            null,
                            detail.jobDefinition()));
        }
    }

    /** Every child of {@code parent} in index order: ListJobs by arrayJobId, per terminal status. */
    private List<JobSummary> list(String parent) {
        List<JobSummary> rows = new ArrayList<>();
        for (JobStatus status : List.of(JobStatus.SUCCEEDED, JobStatus.FAILED)) {
            rows.addAll(batch.listJobs(ListJobsRequest.children(parent, status)).jobs());
        }
        rows.sort(Comparator.comparing(JobSummary::arrayIndex));
        return rows;
    }

    private List<JobSummary> listAll(List<String> arrays) {
        return arrays.stream().flatMap(a -> list(a).stream()).toList();
    }

    private List<JobDetail> describeAll(List<String> arrays) {
        List<String> ids = new ArrayList<>();
        for (String array : arrays) {
            ids.add(array);
            indexes().forEach(i -> ids.add(array + ":" + i));
        }
        return batch.describeJobs(ids);
    }

    private static List<Integer> indexes() {
        return IntStream.range(0, SIZE).boxed().toList();
    }

    private static JobDependency nToN(String jobId) {
        return new JobDependency(jobId, DependencyType.N_TO_N);
    }
}
