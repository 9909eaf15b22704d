package io.jenkins.plugins.awsbatch.engine.batch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A SubmitJob that reached AWS but whose answer was lost must not create a second job: the SDK does not retry
 * SubmitJob; the service retries it itself after looking the job up by its name, and adopts it when it exists.
 */
class LostResponseMotoTest {

    @Test
    void aSubmitWhoseResponseIsLostIsAdoptedByNameInsteadOfSubmittedTwice() throws Exception {
        String moto = MotoSupport.endpoint();
        MotoSupport.useBatchWithoutDocker();
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(moto, 0).loseResponses("/v1/submitjob", 2);
                AwsClients aws =
                        AwsClients.create(MotoSupport.settings(proxy.endpoint()).build(), new CallCounter())) {
            BatchFixture fx = BatchFixture.create(aws.batch());
            var batch = new AwsBatchService(
                    aws.batch(),
                    aws.batchForSubmit(),
                    aws.batchPacer(),
                    new SubmitRetries(
                            5,
                            java.time.Duration.ofMillis(10),
                            java.time.Duration.ofMillis(50),
                            io.jenkins.plugins.awsbatch.engine.batch.TokenBucket.Sleeper.THREAD));
            String run = MotoSupport.unique("lost");
            List<SubmitJobResult> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(batch.submitJob(SubmitJobRequest.builder()
                        .jobName(run + "-s-" + i)
                        .jobQueue(fx.queue())
                        .jobDefinition(fx.scoreDefinition())
                        .arraySize(2)
                        .build()));
            }

            assertThat(proxy.lostResponses()).isEqualTo(2);
            assertThat(proxy.forwarded("/v1/submitjob")).hasSize(4); // each job reached moto exactly once
            for (SubmitJobResult result : results) {
                var listed = batch.listJobs(new ListJobsRequest(fx.queue(), null, null, result.jobName(), null, null))
                        .jobs();
                assertThat(listed)
                        .as(result.jobName())
                        .singleElement()
                        .satisfies(job -> assertThat(job.jobId()).isEqualTo(result.jobId()));
            }
            assertThat(batch.describeJobs(
                            results.stream().map(SubmitJobResult::jobId).toList()))
                    .hasSize(4);
            // four logical SubmitJob calls; the two re-sends are attempts of the same calls
            assertThat(aws.calls().get("SubmitJob")).isEqualTo(4);
            assertThat(aws.attempts().get("SubmitJob")).isEqualTo(4);
        }
    }
}
