package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.DependencyType;
import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalBatchDependencyTest extends LocalBatchTestSupport {

    @Test
    void dependentJobWaitsPendingUntilItsDependencySucceeds() {
        start(2);
        String first = submitShell("first", "sleep 0.3; touch first.done");
        String second = submitShell("second", "test -f first.done", JobDependency.on(first));
        assertThat(describe(second).status()).isEqualTo(JobStatus.PENDING);
        assertThat(awaitTerminal(second).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void dependentJobFailsWithoutRunningWhenItsDependencyFails() {
        start(2);
        String first = submitShell("first", "exit 1");
        String second = submitShell("second", "touch second.ran", JobDependency.on(first));
        JobDetail done = awaitTerminal(second);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.statusReason()).isEqualTo("Dependent Job failed");
        assertThat(done.attempts()).isEmpty();
        assertThat(done.startedAt()).isNull();
        assertThat(Files.exists(file("second.ran"))).isFalse();
    }

    @Test
    void dependencyFailureCascadesDownAChain() {
        start(2);
        String a = submitShell("a", "exit 1");
        String b = submitShell("b", "true", JobDependency.on(a));
        String c = submitShell("c", "true", JobDependency.on(b));
        String d = submitShell("d", "true", JobDependency.on(c));
        awaitTerminal(d);
        for (String id : List.of(b, c, d)) {
            assertThat(describe(id)).satisfies(j -> {
                assertThat(j.status()).isEqualTo(JobStatus.FAILED);
                assertThat(j.statusReason()).isEqualTo("Dependent Job failed");
                assertThat(j.attempts()).isEmpty();
            });
        }
    }

    @Test
    void submittingAfterTheDependencyAlreadyFailedFailsTheJobAtOnce() {
        start(2);
        String a = submitShell("a", "exit 1");
        awaitStatus(a, JobStatus.FAILED);
        String b = submitShell("b", "true", JobDependency.on(a));
        assertThat(describe(b).status()).isEqualTo(JobStatus.FAILED);
        assertThat(describe(b).statusReason()).isEqualTo("Dependent Job failed");
    }

    @Test
    void nToNChildWaitsOnlyForItsPeerAndFailsOnlyWhenItsPeerFails() {
        start(2);
        String a = submit(job("a", "sleep 0.$AWS_BATCH_JOB_ARRAY_INDEX; [ $AWS_BATCH_JOB_ARRAY_INDEX != 1 ]")
                .arraySize(3));
        String b = submit(job("b", "echo $AWS_BATCH_JOB_ARRAY_INDEX >> b-order.txt")
                .arraySize(3)
                .dependsOn(List.of(new JobDependency(a, DependencyType.N_TO_N))));
        JobDetail parentB = awaitTerminal(b);
        assertThat(describe(a + ":1").status()).isEqualTo(JobStatus.FAILED);
        assertThat(describe(b + ":0").status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(describe(b + ":2").status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(describe(b + ":1")).satisfies(j -> {
            assertThat(j.status()).isEqualTo(JobStatus.FAILED);
            assertThat(j.statusReason()).isEqualTo("Dependent Job failed");
            assertThat(j.attempts()).isEmpty();
        });
        assertThat(parentB.status()).isEqualTo(JobStatus.FAILED);
        assertThat(parentB.statusReason()).isEqualTo("Array Child Job failed");
        assertThat(read(file("b-order.txt")).lines()).containsExactlyInAnyOrder("0", "2");
    }

    @Test
    void nToNChildStartsBeforeTheWholeUpstreamArrayEnds() {
        start(2);
        String a = submit(job("a", "if [ $AWS_BATCH_JOB_ARRAY_INDEX = 1 ]; then sleep 1.5; fi")
                .arraySize(2));
        String b =
                submit(job("b", "true").arraySize(2).dependsOn(List.of(new JobDependency(a, DependencyType.N_TO_N))));
        awaitStatus(b + ":0", JobStatus.SUCCEEDED);
        assertThat(describe(a + ":1").status()).isEqualTo(JobStatus.RUNNING);
        awaitStatus(b, JobStatus.SUCCEEDED);
    }

    @Test
    void nToNBetweenArraysOfDifferentSizesIsAClientError() {
        start(2);
        String a = submit(job("a", "true").arraySize(2));
        assertThatThrownBy(() -> submit(
                        job("b", "true").arraySize(3).dependsOn(List.of(new JobDependency(a, DependencyType.N_TO_N)))))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining("N_TO_N");
    }

    @Test
    void sequentialChildrenRunOneAtATimeInIndexOrder() {
        start(2);
        String parent = submit(job(
                        "seq",
                        "mkdir lock || exit 9; echo $AWS_BATCH_JOB_ARRAY_INDEX >> seq.txt; " + "sleep 0.05; rmdir lock")
                .arraySize(5)
                .dependsOn(List.of(new JobDependency(null, DependencyType.SEQUENTIAL))));
        assertThat(awaitTerminal(parent).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(read(file("seq.txt")).lines()).containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void sequentialChildrenAfterAFailureFailUnrun() {
        start(2);
        String parent = submit(
                job("seq", "echo $AWS_BATCH_JOB_ARRAY_INDEX >> seq.txt; " + "[ $AWS_BATCH_JOB_ARRAY_INDEX != 1 ]")
                        .arraySize(4)
                        .dependsOn(List.of(new JobDependency(null, DependencyType.SEQUENTIAL))));
        JobDetail done = awaitTerminal(parent);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(read(file("seq.txt")).lines()).containsExactly("0", "1");
        for (int i = 2; i < 4; i++) {
            assertThat(describe(parent + ":" + i).statusReason()).isEqualTo("Dependent Job failed");
            assertThat(describe(parent + ":" + i).attempts()).isEmpty();
        }
    }

    @Test
    void jobDependingOnAWholeArrayWaitsForEveryChild() {
        start(2);
        String array = submit(job("arr", "sleep 0.$AWS_BATCH_JOB_ARRAY_INDEX; touch done-$AWS_BATCH_JOB_ARRAY_INDEX")
                .arraySize(4));
        String after = submitShell("after", "ls done-* | wc -l > count.txt", JobDependency.on(array));
        assertThat(awaitTerminal(after).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(read(file("count.txt")).trim()).isEqualTo("4");
    }

    @Test
    void jobDependingOnAnArrayWithAFailedChildFails() {
        start(2);
        String array = submit(job("arr", "[ $AWS_BATCH_JOB_ARRAY_INDEX != 0 ]").arraySize(2));
        String after = submitShell("after", "true", JobDependency.on(array));
        assertThat(awaitTerminal(after).statusReason()).isEqualTo("Dependent Job failed");
    }

    @Test
    void arrayWhoseWholeDependencyFailsFailsEveryChildUnrun() {
        start(2);
        String first = submitShell("first", "exit 1");
        String array = submit(job("arr", "true").arraySize(3).dependsOn(List.of(JobDependency.on(first))));
        JobDetail parent = awaitTerminal(array);
        assertThat(parent.status()).isEqualTo(JobStatus.FAILED);
        assertThat(parent.statusReason()).isEqualTo("Dependent Job failed");
        assertThat(parent.statusSummary()).containsEntry(JobStatus.FAILED, 3);
    }

    @Test
    void moreThanTwentyDependenciesIsAClientError() {
        start(2);
        List<JobDependency> deps = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            deps.add(JobDependency.on(submitShell("d" + i, "true")));
        }
        assertThatThrownBy(() -> submit(job("many", "true").dependsOn(deps)))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining("at most 20");
        assertThat(submit(job("twenty", "true").dependsOn(deps.subList(0, 20)))).isNotBlank();
    }

    @Test
    void dependingOnAnUnknownJobIsAClientError() {
        start(2);
        assertThatThrownBy(() -> submitShell("x", "true", JobDependency.on("no-such-job")))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining("no-such-job");
    }
}
