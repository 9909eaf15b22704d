package io.jenkins.plugins.awsbatch.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import io.jenkins.plugins.awsbatch.engine.graph.NotifySpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifyTarget;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** SNS into moto, delivered to an SQS queue subscribed to the topic. Skipped without MOTO_ENDPOINT. */
class SnsSenderMotoTest {
    private AwsClients aws;
    private final List<String> lines = new ArrayList<>();

    @BeforeEach
    void clients() {
        aws = MotoSupport.clients(new CallCounter());
    }

    @AfterEach
    void close() {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void publishesTheDigestWithAShortSubjectAndFilterableAttributes() throws Exception {
        String topicArn =
                aws.sns().createTopic(b -> b.name(MotoSupport.unique("alerts"))).topicArn();
        String queueUrl = aws.sqs()
                .createQueue(b -> b.queueName(MotoSupport.unique("alerts-inbox")))
                .queueUrl();
        String queueArn = aws.sqs()
                .getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        aws.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
        NotifySpec spec =
                new NotifySpec(List.of(new NotifyTarget(null, null, new NotifyTarget.Sns(topicArn))), null, null);
        RunResult result = RunResults.failed();

        List<DeliveryResult> results = new Notifier(
                        TargetSenders.builder().sns(aws::sns).build(), listener())
                .notify(result, spec, "https://ci.example/job/x/12/");

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.delivered()).as(r.detail()).isTrue();
            assertThat(r.detail()).startsWith("message id ");
        });
        assertThat(lines).singleElement().asString().startsWith("notification sent: SNS topic " + topicArn);
        List<Message> received = aws.sqs()
                .receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5).maxNumberOfMessages(10))
                .messages();
        assertThat(received).as("exactly one message per run").hasSize(1);
        JsonNode envelope = new ObjectMapper().readTree(received.get(0).body());
        assertThat(envelope.path("TopicArn").asText()).isEqualTo(topicArn);
        assertThat(envelope.path("Subject").asText())
                .isEqualTo("[batchgraph] recommendations FAILED (run " + RunResults.RUN_ID + ")")
                .hasSizeLessThan(100);
        assertThat(envelope.path("Message").asText())
                .contains(
                        "recommendations FAILED: rank: 3 failed (items 5-7)",
                        "item 5 [item-5] exit 1",
                        "| ValueError: <bad> & worse",
                        "https://ci.example/job/x/12/");
        JsonNode attributes = envelope.path("MessageAttributes");
        assertThat(attributes.at("/outcome/Type").asText()).isEqualTo("String");
        assertThat(attributes.at("/outcome/Value").asText()).isEqualTo("FAILED");
        assertThat(attributes.at("/runId/Value").asText()).isEqualTo(RunResults.RUN_ID);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void anUnknownTopicIsReportedNotThrown() {
        String missing =
                "arn:aws:sns:" + MotoSupport.REGION + ":" + MotoSupport.ACCOUNT + ":" + MotoSupport.unique("gone");
        NotifySpec spec =
                new NotifySpec(List.of(new NotifyTarget(null, null, new NotifyTarget.Sns(missing))), null, null);

        List<DeliveryResult> results = new Notifier(
                        TargetSenders.builder().sns(aws::sns).build(), listener())
                .notify(RunResults.failed(), spec, null);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.delivered()).isFalse();
            assertThat(r.detail()).startsWith("SNS topic " + missing + ": ");
        });
    }

    @Test
    void aTopicInAnotherRegionIsPublishedToInItsRegion() {
        // Alerts topics are often central (one region) while Batch runs elsewhere: SNS publishes in the topic's region
        // only.
        try (AwsClients frankfurt = AwsClients.create(
                MotoSupport.settings(MotoSupport.endpoint())
                        .region("eu-central-1")
                        .build(),
                new CallCounter())) {
            String topicArn = frankfurt
                    .sns()
                    .createTopic(b -> b.name(MotoSupport.unique("central-alerts")))
                    .topicArn();
            assertThat(topicArn).startsWith("arn:aws:sns:eu-central-1:");
            NotifySpec spec =
                    new NotifySpec(List.of(new NotifyTarget(null, null, new NotifyTarget.Sns(topicArn))), null, null);

            List<DeliveryResult> results = new Notifier(
                            TargetSenders.builder().sns(aws::sns).build(), listener())
                    .notify(RunResults.failed(), spec, null);

            assertThat(aws.region().id()).isEqualTo(MotoSupport.REGION);
            assertThat(results)
                    .singleElement()
                    .satisfies(r -> assertThat(r.delivered()).as(r.detail()).isTrue());
        }
    }

    private RunListener listener() {
        return new RunListener() {
            @Override
            public void message(String line) {
                lines.add(line);
            }
        };
    }
}
