package io.jenkins.plugins.awsbatch.engine.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A graph's Batch job state change rule on moto's EventBridge and SNS. moto's EventBridge delivers to SQS targets
 * but not to SNS ones, so delivery is shown with the rule's own pattern and input transformer read back from moto
 * and installed on a probe bus whose target is an SQS queue; what the topic then sends is shown by SNS into a
 * queue subscribed to it. Skipped without MOTO_ENDPOINT.
 */
class AwsEventRulesMotoTest {
    private static final String QUEUE = "arn:aws:batch:us-east-1:123456789012:job-queue/fast";
    private AwsClients aws;
    private AwsEventRules rules;
    private String graph;

    @BeforeEach
    void clients() {
        aws = MotoSupport.clients(new CallCounter());
        rules = new AwsEventRules(aws.eventBridge(), aws.sns(), BatchEvents.JSON);
        graph = MotoSupport.unique("recs");
    }

    @AfterEach
    void close() {
        if (aws != null) {
            aws.close();
        }
    }

    private EventRuleSpec spec(String topicArn, String successStage) {
        return new EventRuleSpec(
                graph,
                List.of(QUEUE),
                successStage,
                topicArn,
                List.of("ops@example.com"),
                List.of("https://hooks.example.com/batch?token=s3cret"));
    }

    @Test
    void setupCreatesTheRuleTopicPolicySubscriptionsAndTransformedTarget() throws Exception {
        EventRuleState state = rules.setup(spec(null, null));

        assertThat(state.changes())
                .anyMatch(c -> c.startsWith("created rule batchgraph-" + graph))
                .anyMatch(c -> c.startsWith("created topic "))
                .noneMatch(c -> c.contains("s3cret"));
        var rule = aws.eventBridge().describeRule(r -> r.name("batchgraph-" + graph));
        assertThat(rule.stateAsString()).isEqualTo("ENABLED");
        assertThat(BatchEvents.JSON.readTree(rule.eventPattern()))
                .isEqualTo(BatchEvents.JSON.readTree("""
                {"source": ["aws.batch"], "detail-type": ["Batch Job State Change"],
                 "detail": {"jobQueue": ["%s"], "arrayProperties": {"index": [{"exists": false}]},
                            "status": ["FAILED"], "jobName": [{"prefix": "%s-"}]}}""".formatted(QUEUE, graph)));
        Map<String, String> ruleTags = new java.util.HashMap<>();
        aws.eventBridge()
                .listTagsForResource(r -> r.resourceARN(rule.arn()))
                .tags()
                .forEach(t -> ruleTags.put(t.key(), t.value()));
        assertThat(ruleTags).containsEntry("managed-by", "batchgraph").containsEntry("batchgraph:graph", graph);

        String topicArn = "arn:aws:sns:us-east-1:123456789012:batchgraph-" + graph + "-events";
        assertThat(state.topicArn()).isEqualTo(topicArn);
        Target target = aws.eventBridge()
                .listTargetsByRule(r -> r.rule("batchgraph-" + graph))
                .targets()
                .get(0);
        assertThat(target.arn()).isEqualTo(topicArn);
        assertThat(target.inputTransformer().inputPathsMap())
                .containsEntry("jobName", "$.detail.jobName")
                .containsEntry("statusReason", "$.detail.statusReason")
                .containsEntry("queue", "$.detail.jobQueue");
        assertThat(target.inputTransformer().inputTemplate())
                .contains(
                        "\"jobName\":\"<jobName>\"",
                        "\"console\":\"https://<region>.console.aws.amazon.com/batch/home?region=<region>#jobs/detail/<jobId>\"");

        JsonNode policy = BatchEvents.JSON.readTree(aws.sns()
                .getTopicAttributes(r -> r.topicArn(topicArn))
                .attributes()
                .get("Policy"));
        assertThat(policy.path("Statement")).anySatisfy(s -> {
            assertThat(s.at("/Principal/Service").asText()).isEqualTo("events.amazonaws.com");
            assertThat(s.at("/Action").asText()).isEqualTo("sns:Publish");
            assertThat(s.at("/Condition/ArnEquals/aws:SourceArn").asText()).isEqualTo(rule.arn());
        });
        assertThat(state.subscriptions())
                .hasSize(2)
                .anyMatch(s -> s.startsWith("email ops@example.com"))
                .anyMatch(s -> s.startsWith("https https://hooks.example.com/..."))
                .noneMatch(s -> s.contains("s3cret"));
        Map<String, String> topicTags = new java.util.HashMap<>();
        aws.sns()
                .listTagsForResource(r -> r.resourceArn(topicArn))
                .tags()
                .forEach(t -> topicTags.put(t.key(), t.value()));
        assertThat(topicTags).containsEntry("managed-by", "batchgraph").containsEntry("batchgraph:graph", graph);
    }

    @Test
    void asecondSetupChangesNothing() {
        EventRuleState first = rules.setup(spec(null, "merge"));
        EventRuleState second = rules.setup(spec(null, "merge"));

        assertThat(first.changes()).isNotEmpty();
        assertThat(second.changes()).isEmpty();
        assertThat(second.eventPattern()).isEqualTo(first.eventPattern());
        assertThat(second.targets()).isEqualTo(first.targets());
        assertThat(second.subscriptions()).isEqualTo(first.subscriptions());
    }

    @Test
    void aChangedGraphUpdatesTheRuleInPlace() {
        rules.setup(spec(null, null));
        EventRuleState updated = rules.setup(spec(null, "merge"));

        assertThat(updated.changes()).containsExactly("updated rule batchgraph-" + graph);
        assertThat(updated.eventPattern()).contains("SUCCEEDED", graph + "-*-merge-*");
    }

    @Test
    void removeLeavesNothingBehind() {
        EventRuleState set = rules.setup(spec(null, null));

        EventRuleState removed = rules.remove(spec(null, null));

        assertThat(removed.changes()).hasSize(2);
        assertThatThrownBy(() -> aws.eventBridge().describeRule(r -> r.name("batchgraph-" + graph)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> aws.sns().getTopicAttributes(r -> r.topicArn(set.topicArn())))
                .isInstanceOf(NotFoundException.class);
        assertThat(aws.sns().listSubscriptions().subscriptions())
                .noneMatch(s -> set.topicArn().equals(s.topicArn()));
        assertThat(rules.remove(spec(null, null)).changes()).isEmpty();
        assertThat(rules.show(spec(null, null)).exists()).isFalse();
    }

    @Test
    void theGraphsOwnTopicGetsOnlyAPublishStatementThatRemoveTakesBack() throws Exception {
        String own =
                aws.sns().createTopic(r -> r.name(MotoSupport.unique("alerts"))).topicArn();
        String before =
                aws.sns().getTopicAttributes(r -> r.topicArn(own)).attributes().get("Policy");

        EventRuleState state = rules.setup(spec(own, null));
        String during =
                aws.sns().getTopicAttributes(r -> r.topicArn(own)).attributes().get("Policy");
        rules.remove(spec(own, null));

        assertThat(state.topicArn()).isEqualTo(own);
        assertThat(state.changes()).noneMatch(c -> c.startsWith("created topic"));
        assertThat(during).contains("events.amazonaws.com");
        JsonNode after = BatchEvents.JSON.readTree(
                aws.sns().getTopicAttributes(r -> r.topicArn(own)).attributes().get("Policy"));
        assertThat(after.path("Statement"))
                .isEqualTo(BatchEvents.JSON.readTree(before).path("Statement"));
    }

    @Test
    void aFailedArrayParentReachesTheQueueOnceWithTheTransformedMessage() throws Exception {
        // no HTTPS subscriber here: moto would try to reach it when the topic publishes
        EventRuleSpec spec =
                new EventRuleSpec(graph, List.of(QUEUE), null, null, List.of("ops@example.com"), List.of());
        rules.setup(spec);
        var rule = aws.eventBridge().describeRule(r -> r.name("batchgraph-" + graph));
        Target target = aws.eventBridge()
                .listTargetsByRule(r -> r.rule("batchgraph-" + graph))
                .targets()
                .get(0);
        String bus = MotoSupport.unique("probe");
        aws.eventBridge().createEventBus(r -> r.name(bus));
        String inbox = aws.sqs()
                .createQueue(r -> r.queueName(MotoSupport.unique("inbox")))
                .queueUrl();
        String inboxArn = queueArn(inbox);
        aws.eventBridge().putRule(r -> r.name("probe").eventBusName(bus).eventPattern(rule.eventPattern()));
        aws.eventBridge()
                .putTargets(r -> r.rule("probe")
                        .eventBusName(bus)
                        .targets(target.toBuilder().id("probe").arn(inboxArn).build()));
        BatchEventPattern pattern = new BatchEventPattern(spec);
        String parent = graph + "-20250101-000000-abcd-score-0";
        List<ObjectNode> events = List.of(
                BatchEvents.job(parent, QUEUE, "FAILED", "Array Child Job failed", 3),
                BatchEvents.child(parent, QUEUE, "FAILED", 1),
                BatchEvents.child(parent, QUEUE, "FAILED", 2),
                BatchEvents.job(parent, QUEUE, "SUCCEEDED", null, 3),
                BatchEvents.job(parent, QUEUE, "RUNNING", null, 3),
                BatchEvents.job("other-20250101-000000-abcd-score-0", QUEUE, "FAILED", "x", 3),
                BatchEvents.job(parent, "arn:aws:batch:us-east-1:123456789012:job-queue/slow", "FAILED", "x", 3));

        for (ObjectNode event : events) {
            aws.eventBridge()
                    .putEvents(r -> r.entries(e -> e.eventBusName(bus)
                            .source(event.get("source").asText())
                            .detailType(event.get("detail-type").asText())
                            .detail(event.get("detail").toString())
                            .resources(event.get("detail").get("jobArn").asText())));
        }

        List<Message> received = receiveAll(inbox);
        assertThat(received)
                .as("one message: the failed parent, not its children, not others")
                .hasSize(1);
        JsonNode message = BatchEvents.JSON.readTree(received.get(0).body());
        assertThat(message.path("jobName").asText()).isEqualTo(parent);
        assertThat(message.path("status").asText()).isEqualTo("FAILED");
        assertThat(message.path("statusReason").asText()).isEqualTo("Array Child Job failed");
        assertThat(message.path("queue").asText()).isEqualTo(QUEUE);
        assertThat(message.path("graph").asText()).isEqualTo(graph);
        assertThat(message.path("console").asText())
                .isEqualTo(
                        "https://us-east-1.console.aws.amazon.com/batch/home?region=us-east-1#jobs/detail/4c7599ae-0a82-49aa-ba5a-4727fcce14a8");
        assertThat(events.stream().filter(pattern::matches).toList())
                .as("the local test agrees with EventBridge's")
                .containsExactly(events.get(0));
        ObjectNode local = new EventMessageTemplate(graph).render(events.get(0), BatchEvents.JSON);
        local.remove("at");
        ObjectNode delivered = message.deepCopy();
        delivered.remove("at");
        assertThat(local).isEqualTo(delivered);

        // what the topic sends on: its subscribers get that message as is
        String topicArn = rules.show(spec).topicArn();
        String subscriber = aws.sqs()
                .createQueue(r -> r.queueName(MotoSupport.unique("subscriber")))
                .queueUrl();
        aws.sns()
                .subscribe(r -> r.topicArn(topicArn)
                        .protocol("sqs")
                        .endpoint(queueArn(subscriber))
                        .attributes(Map.of("RawMessageDelivery", "true")));
        aws.sns().publish(r -> r.topicArn(topicArn).message(received.get(0).body()));
        assertThat(receiveAll(subscriber))
                .singleElement()
                .satisfies(m -> assertThat(BatchEvents.JSON.readTree(m.body())).isEqualTo(message));
    }

    private String queueArn(String url) {
        return aws.sqs()
                .getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    private List<Message> receiveAll(String url) {
        List<Message> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<Message> batch = aws.sqs()
                    .receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            all.addAll(batch);
            if (batch.isEmpty() && !all.isEmpty()) {
                break;
            }
        }
        return all;
    }
}
