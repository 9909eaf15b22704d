package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalBatchArrayTest extends LocalBatchTestSupport {

    @Test
    void arraySizeOutsideTwoToTenThousandIsAClientError() {
        start(2);
        for (int size : new int[] {0, 1, 10_001}) {
            assertThatThrownBy(() -> submit(job("arr", "true").arraySize(size)))
                    .isInstanceOf(BatchClientException.class)
                    .hasMessageContaining("between 2 and 10000");
        }
    }

    @Test
    void arrayOfTwoCreatesChildrenNamedParentColonIndex() {
        start(2);
        String parent = submit(job("arr", "true").arraySize(2));
        awaitStatus(parent, JobStatus.SUCCEEDED);
        assertThat(describe(parent + ":0").arrayIndex()).isZero();
        assertThat(describe(parent + ":1").arrayIndex()).isEqualTo(1);
        assertThat(batch.describeJobs(java.util.List.of(parent + ":2"))).isEmpty();
        assertThat(describe(parent + ":1").jobName()).isEqualTo("arr");
    }

    @Test
    void parentIsOnlyEverSubmittedPendingSucceededOrFailed() {
        start(2);
        String parent = submit(job("arr", "sleep 0.1").arraySize(6));
        Set<JobStatus> seen = EnumSet.noneOf(JobStatus.class);
        await(
                () -> {
                    JobDetail d = describe(parent);
                    seen.add(d.status());
                    return d.status().isTerminal();
                },
                "parent to end");
        assertThat(seen).isSubsetOf(JobStatus.SUBMITTED, JobStatus.PENDING, JobStatus.SUCCEEDED, JobStatus.FAILED);
        assertThat(describe(parent).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void statusSummaryHasAllSevenStatusesSummingToTheSize() {
        start(2);
        String parent = submit(job("arr", "sleep 0.05").arraySize(7));
        Set<Integer> sums = new HashSet<>();
        await(
                () -> {
                    JobDetail d = describe(parent);
                    assertThat(d.statusSummary()).containsOnlyKeys(JobStatus.values());
                    sums.add(d.statusSummary().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum());
                    return d.status().isTerminal();
                },
                "parent to end");
        assertThat(sums).containsExactly(7);
        assertThat(describe(parent).statusSummary()).containsEntry(JobStatus.SUCCEEDED, 7);
    }

    @Test
    void parentFailsWithArrayChildJobFailedOnlyOnceAllChildrenAreTerminal() {
        start(2);
        String parent = submit(job("arr", "if [ $AWS_BATCH_JOB_ARRAY_INDEX = 0 ]; then exit 3; fi; sleep 0.5")
                .arraySize(3));
        awaitStatus(parent + ":0", JobStatus.FAILED);
        assertThat(describe(parent).status()).isEqualTo(JobStatus.PENDING);
        JobDetail done = awaitTerminal(parent);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.statusReason()).isEqualTo("Array Child Job failed");
        assertThat(done.statusSummary()).containsEntry(JobStatus.FAILED, 1).containsEntry(JobStatus.SUCCEEDED, 2);
        assertThat(describe(parent + ":1").status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.createdAt()).isLessThanOrEqualTo(done.startedAt());
        assertThat(done.startedAt()).isLessThanOrEqualTo(done.stoppedAt());
    }

    @Test
    void listJobsByArrayJobIdAndStatusReturnsTheMatchingChildrenInIndexOrder() {
        start(2);
        String parent =
                submit(job("arr", "[ $((AWS_BATCH_JOB_ARRAY_INDEX % 2)) = 0 ]").arraySize(6));
        awaitTerminal(parent);
        var failed = batch.listJobs(ListJobsRequest.children(parent, JobStatus.FAILED))
                .jobs();
        assertThat(failed).extracting(s -> s.arrayIndex()).containsExactly(1, 3, 5);
        assertThat(failed).allSatisfy(s -> assertThat(s.exitCode()).isEqualTo(1));
    }
}
