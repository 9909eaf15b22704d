package io.jenkins.plugins.awsbatch.engine.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.JobAttempt;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/** Log tails read from events put into moto's CloudWatch Logs under /aws/batch/job. */
class CloudWatchLogTailerMotoTest {

    @Test
    void tailsTheLastLinesOfTheJobsStreamAndReadsAllOfIt() {
        CallCounter calls = new CallCounter();
        try (AwsClients aws = MotoSupport.clients(calls)) {
            String stream = "score/default/" + MotoSupport.unique("task");
            try {
                aws.logs().createLogGroup(r -> r.logGroupName(CloudWatchLogTailer.BATCH_LOG_GROUP));
            } catch (ResourceAlreadyExistsException e) {
                // another test made it
            }
            aws.logs()
                    .createLogStream(r ->
                            r.logGroupName(CloudWatchLogTailer.BATCH_LOG_GROUP).logStreamName(stream));
            long t = System.currentTimeMillis() - 60_000;
            List<InputLogEvent> events = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                events.add(InputLogEvent.builder()
                        .timestamp(t + i)
                        .message("line " + i)
                        .build());
            }
            events.add(InputLogEvent.builder()
                    .timestamp(t + 40)
                    .message("Traceback:\n  boom\r\nValueError: bad item\n")
                    .build());
            aws.logs()
                    .putLogEvents(r -> r.logGroupName(CloudWatchLogTailer.BATCH_LOG_GROUP)
                            .logStreamName(stream)
                            .logEvents(events));

            CloudWatchLogTailer tailer = aws.logTailer();
            JobDetail job = job(stream, List.of());
            long before = calls.get("GetLogEvents");
            assertThat(tailer.tail(job, 5))
                    .containsExactly("line 38", "line 39", "Traceback:", "  boom", "ValueError: bad item");
            assertThat(calls.get("GetLogEvents") - before).isEqualTo(1);
            assertThat(tailer.tail(job, 0)).isEmpty();

            List<String> all = tailer.all(job);
            assertThat(all).hasSize(43).startsWith("line 0").endsWith("ValueError: bad item");

            // No stream on the job: the latest attempt's that has one.
            JobDetail viaAttempt = job(
                    null,
                    List.of(
                            new JobAttempt(1L, 2L, 1, null, "gone/default/x"),
                            new JobAttempt(3L, 4L, 137, null, stream),
                            new JobAttempt(5L, 6L, null, null, null)));
            assertThat(CloudWatchLogTailer.streamName(viaAttempt)).isEqualTo(stream);
            assertThat(tailer.tail(viaAttempt, 2)).containsExactly("  boom", "ValueError: bad item");

            // A stream that does not exist, or a job that never started: no lines, no error.
            assertThat(tailer.tail(job("score/default/missing", List.of()), 10)).isEmpty();
            assertThat(tailer.tail(job(null, List.of()), 10)).isEmpty();
        }
    }

    @Test
    void callsArePacedUnderGetLogEventsLimit() {
        CallCounter calls = new CallCounter();
        try (AwsClients aws = MotoSupport.clients(calls)) {
            CloudWatchLogTailer tailer = aws.logTailer();
            long started = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                tailer.tail(job("score/default/none-" + i, List.of()), 10);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            // 5 per second by default, burst 1: 8 calls need at least 7 intervals of 200 ms.
            assertThat(seconds).isGreaterThanOrEqualTo(1.3);
            assertThat(calls.get("GetLogEvents")).isEqualTo(8);
        }
    }

    private static JobDetail job(String stream, List<JobAttempt> attempts) {
        return new JobDetail(
                "j:1",
                "run-score-0",
                "q",
                "score:1",
                JobStatus.FAILED,
                "Essential container in task exited",
                1L,
                2L,
                3L,
                null,
                1,
                null,
                1,
                stream,
                attempts,
                null,
                false,
                false,
                null);
    }
}
