package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;
import io.jenkins.plugins.awsbatch.engine.batch.EvaluateOnExit;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.RetryAction;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LocalBatchRetryTest extends LocalBatchTestSupport {

    private static RetryStrategy retry(int attempts, EvaluateOnExit... rules) {
        return new RetryStrategy(attempts, List.of(rules));
    }

    @Test
    void failedAttemptIsRetriedUpToTheAttemptsLimitWithOneBasedAttemptNumbers() {
        start(2);
        String id = submit(job("retry", "echo $AWS_BATCH_JOB_ATTEMPT >> attempts.txt; exit 4")
                .retryStrategy(retry(3)));
        JobDetail done = awaitTerminal(id);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.attempts())
                .hasSize(3)
                .allSatisfy(a -> assertThat(a.exitCode()).isEqualTo(4));
        assertThat(read(file("attempts.txt")).lines()).containsExactly("1", "2", "3");
    }

    @Test
    void jobSucceedsWhenALaterAttemptSucceeds() {
        start(2);
        String id = submit(job("retry", "[ $AWS_BATCH_JOB_ATTEMPT = 2 ]").retryStrategy(retry(5)));
        JobDetail done = awaitTerminal(id);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.attempts()).extracting(a -> a.exitCode()).containsExactly(1, 0);
    }

    @Test
    void statusGoesBackToRunnableBetweenAttempts() {
        start(1);
        List<JobDetail> seen = new CopyOnWriteArrayList<>();
        batch.jobEvents(seen::add);
        String id = submit(job("retry", "[ $AWS_BATCH_JOB_ATTEMPT = 2 ]").retryStrategy(retry(2)));
        assertThat(awaitTerminal(id).status()).isEqualTo(JobStatus.SUCCEEDED);
        List<JobDetail> changes =
                seen.stream().filter(j -> j.jobId().equals(id)).toList();
        assertThat(changes)
                .extracting(JobDetail::status)
                .containsExactly(
                        JobStatus.PENDING,
                        JobStatus.RUNNABLE,
                        JobStatus.STARTING,
                        JobStatus.RUNNING,
                        JobStatus.RUNNABLE,
                        JobStatus.STARTING,
                        JobStatus.RUNNING,
                        JobStatus.SUCCEEDED);
        JobDetail between = changes.get(4); // the second RUNNABLE
        assertThat(between.startedAt()).isNull();
        assertThat(between.attempts()).hasSize(1);
    }

    @Test
    void exitRuleWithExitActionStopsRetrying() {
        start(2);
        String id = submit(
                job("retry", "exit 3").retryStrategy(retry(5, new EvaluateOnExit("3", null, null, RetryAction.EXIT))));
        assertThat(awaitTerminal(id).attempts()).hasSize(1);
    }

    @Test
    void firstMatchingExitRuleWins() {
        start(2);
        String id = submit(job("retry", "exit 13")
                .retryStrategy(retry(
                        4,
                        new EvaluateOnExit("1*", null, null, RetryAction.RETRY),
                        new EvaluateOnExit("13", null, null, RetryAction.EXIT))));
        assertThat(awaitTerminal(id).attempts()).hasSize(4);
    }

    @Test
    void exitRulesMatchStatusReasonCaseInsensitivelyWithTrailingGlob() {
        start(2);
        String id = submit(job("retry", "exit 2")
                .retryStrategy(retry(4, new EvaluateOnExit(null, "ESSENTIAL container*", null, RetryAction.EXIT))));
        assertThat(awaitTerminal(id).attempts()).hasSize(1);
    }

    @Test
    void noMatchingExitRuleMeansRetry() {
        start(2);
        String id = submit(job("retry", "exit 5")
                .retryStrategy(retry(3, new EvaluateOnExit("137", null, null, RetryAction.EXIT))));
        assertThat(awaitTerminal(id).attempts()).hasSize(3);
    }

    @Test
    void retryStrategyBeyondAwsLimitsIsAClientError() {
        start(2);
        assertThatThrownBy(() -> submit(job("r", "true").retryStrategy(retry(11))))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining("between 1 and 10");
        assertThatThrownBy(() -> submit(job("r", "true").retryStrategy(retry(0))))
                .isInstanceOf(BatchClientException.class);
        EvaluateOnExit rule = new EvaluateOnExit("1", null, null, RetryAction.RETRY);
        assertThatThrownBy(() ->
                        submit(job("r", "true").retryStrategy(new RetryStrategy(2, Collections.nCopies(6, rule)))))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining("at most 5 rules are allowed");
    }

    @Test
    void attemptRunningPastItsTimeoutFailsWithTimeoutReasonAndIsNotRetried() {
        start(2);
        // 60 "seconds" last 10 ms each in tests: the attempt is stopped after 0.6 s
        String id = submit(job("slow", "echo $AWS_BATCH_JOB_ATTEMPT >> slow.txt; sleep 30")
                .timeoutSeconds(60)
                .retryStrategy(retry(3)));
        JobDetail done = awaitTerminal(id);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.statusReason()).isEqualTo("Job attempt duration exceeded timeout");
        assertThat(done.attempts()).hasSize(1);
        assertThat(done.stoppedAt() - done.startedAt()).isLessThan(10_000);
        assertThat(read(file("slow.txt")).lines()).containsExactly("1");
    }

    @Test
    void timeoutUnderSixtySecondsIsAClientError() {
        start(2);
        assertThatThrownBy(() -> submit(job("t", "true").timeoutSeconds(59)))
                .isInstanceOf(BatchClientException.class)
                .hasMessageContaining("at least 60");
    }

    @Test
    void jobFinishingWithinItsTimeoutSucceeds() {
        start(2);
        assertThat(awaitTerminal(submit(job("fast", "true").timeoutSeconds(600)))
                        .status())
                .isEqualTo(JobStatus.SUCCEEDED);
    }
}
